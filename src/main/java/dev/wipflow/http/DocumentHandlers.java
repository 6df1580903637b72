package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.document.DocumentReading;
import dev.wipflow.service.DocumentImport;
import dev.wipflow.service.DocumentService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Supplier documents: upload one (or the collection's sheet tab) for a preview, show it again, import it. */
public final class DocumentHandlers {
    static final int LISTED = 100;
    private final DocumentService documents;
    private final DocumentImport importing;
    private final int maxBytes;
    private final int seconds;

    /**
     * {@code maxBytes}: the largest document received (larger than a JSON body); {@code seconds}: how long reading a
     * PDF may take when the call does not say ({@code ?max_seconds=}).
     */
    public DocumentHandlers(DocumentService documents, DocumentImport importing, int maxBytes, int seconds) {
        this.documents = documents;
        this.importing = importing;
        this.maxBytes = maxBytes;
        this.seconds = seconds;
    }

    /** The file as the raw body (its Content-Type, {@code ?filename=}) or as the multipart field {@code file}. */
    public void upload(Context ctx) {
        String collection = Requests.collection(ctx);
        Received file = received(ctx);
        DocumentService.Preview p = documents.upload(collection, file.bytes(), file.type(), file.filename(), ctx.queryParam("sheet"),
                seconds(ctx), BaseUrl.of(ctx));
        ctx.status(201).json(view(p));
    }

    /** A PDF not read to its end: the same file sent again, read on from the next page. */
    public void resume(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        Received file = received(ctx);
        ctx.json(view(documents.resume(collection, id, file.bytes(), seconds(ctx), BaseUrl.of(ctx))));
    }

    private int seconds(Context ctx) {
        return Requests.intParam(ctx, "max_seconds", seconds, 1, 86_400);
    }

    private record Received(byte[] bytes, String type, String filename) {
    }

    private Received received(Context ctx) {
        String type = Requests.contentType(ctx);
        byte[] bytes;
        String filename = ctx.queryParam("filename");
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) throw ApiException.badRequest("send the document as the multipart field 'file'");
            type = file.contentType();
            if (filename == null) filename = file.filename();
            bytes = bounded(file.content());
        } else {
            bytes = bounded(ctx.bodyInputStream());
        }
        return new Received(bytes, type, filename);
    }

    public void get(Context ctx) {
        ctx.json(view(documents.get(Requests.collection(ctx), Requests.id(ctx, "id"), BaseUrl.of(ctx))));
    }

    /** The preview again with the mapping a person is correcting ({@code {mapping}}, as at import); nothing is kept. */
    public void preview(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        ctx.json(view(documents.get(collection, id, mapping(Requests.jsonObject(ctx)), BaseUrl.of(ctx))));
    }

    public void sheet(Context ctx) {
        ctx.status(201).json(view(documents.fromSheet(Requests.collection(ctx))));
    }

    public void importDocument(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        JsonNode body = Requests.jsonObject(ctx);
        DocumentImport.Request request = new DocumentImport.Request(mapping(body), Requests.optString(body, "url_template", 2000),
                Requests.optBool(body, "update_existing"), Requests.optBool(body, "enrich"));
        DocumentImport.Result r = importing.run(collection, id, request, BaseUrl.of(ctx));
        ctx.status(r.added() > 0 ? 201 : 200).json(Map.of("success", true, "document_id", id, "added", r.added(),
                "updated", r.updated(), "skipped", r.skipped().size() > 1000 ? r.skipped().subList(0, 1000) : r.skipped(),
                "skipped_count", r.skipped().size()));
    }

    /** {@code mapping}: field → column index, or the column's header, or null to drop the field. */
    private static Map<String, Integer> mapping(JsonNode body) {
        JsonNode m = body.get("mapping");
        if (m == null || m.isNull()) return Map.of();
        if (!m.isObject()) throw ApiException.invalid("mapping must be an object of field → column", Map.of("field", "mapping"));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) out.put(e.getKey(), -1);
            else if (v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() < 1000) out.put(e.getKey(), v.asInt());
            else throw ApiException.invalid("mapping." + e.getKey() + " must be a column number (from 0) or null",
                    Map.of("field", "mapping." + e.getKey()));
        }
        return out;
    }

    private byte[] bounded(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ApiException(413, "document_too_large", "a document may have at most " + maxBytes + " bytes",
                        Map.of("limit", maxBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("the document could not be received: " + e.getMessage());
        }
    }

    static Map<String, Object> view(DocumentService.Preview p) {
        DocumentReading r = p.reading();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("document_id", p.document().id());
        out.put("filename", p.document().filename());
        out.put("format", p.document().format());
        out.put("done", p.pages() == null);
        if (p.pages() != null) {
            out.put("pages_read", p.pages().read());
            out.put("page_count", p.pages().count());
            out.put("continue_url", "/api/" + p.document().collection() + "/documents/" + p.document().id() + "/continue");
        }
        out.put("sheet", r.table());
        out.put("sheets", r.tables());
        out.put("header_row", r.headerRow());
        out.put("headers", r.headers());
        out.put("mapping", r.mapping().fields());
        out.put("rows", r.count());
        out.put("preview", r.preview().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", i.row());
            m.put("sku", i.sku());
            m.put("url", i.url());
            m.put("fields", i.values().values());
            return m;
        }).toList());
        out.put("problems", r.problems().subList(0, Math.min(LISTED, r.problems().size())));
        out.put("problems_count", r.problems().size());
        out.put("skipped", r.skipped().subList(0, Math.min(LISTED, r.skipped().size())));
        out.put("skipped_count", r.skipped().size());
        out.put("created_at", p.document().createdAt());
        out.put("imported_at", p.document().importedAt());
        return out;
    }
}
