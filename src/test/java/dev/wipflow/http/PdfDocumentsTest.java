package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.document.PdfMaker;
import dev.wipflow.document.PurchaseOrders;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Running;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supplier PDFs through the real server, written by the test with PDFBox: previewed like a spreadsheet, their
 * pictures given to the items beside them and served by wipflow, long ones read over several calls, refusals as 4xx
 * with nothing kept, imported items processed like any other.
 */
class PdfDocumentsTest {
    static final String PDF = "application/pdf";
    private static final float[] PO_COLUMNS = PurchaseOrders.COLUMNS;
    private static final float[] SHEET_COLUMNS = {150, 220, 340, 420, 490};
    private static final Color[] STYLE_COLOURS = {
            new Color(0x11, 0x22, 0xCC), new Color(0x22, 0xAA, 0x33), new Color(0xEE, 0xCC, 0x11),
            new Color(0x88, 0x11, 0x99), new Color(0x11, 0x99, 0x99), new Color(0x55, 0x33, 0x11)};

    @TempDir
    Path dir;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() {
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
    }

    @Test
    void a_one_page_purchase_order_in_columns_is_previewed_like_a_spreadsheet_and_its_items_go_to_review_without_a_price() {
        Reply r = upload("po", onePageOrder(), PDF, "?filename=po-4711.pdf");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode j = r.json();
        assertThat(j.path("format").asText()).isEqualTo("pdf");
        assertThat(j.path("done").asBoolean()).isTrue();
        assertThat(j.path("mapping").path("sku").path("column").asInt()).isEqualTo(0);
        assertThat(j.path("mapping").path("title").path("column").asInt()).isEqualTo(1);
        assertThat(j.path("mapping").path("quantity").path("column").asInt()).isEqualTo(2);
        assertThat(j.path("mapping").path("cost").path("column").asInt()).isEqualTo(3);
        assertThat(j.path("mapping").has("price")).isFalse();
        assertThat(skus(j)).containsExactly("BM-100", "WC-200", "SH-300", "TR-400");
        assertThat(j.path("rows").asInt()).isEqualTo(4);
        JsonNode shower = j.path("preview").path(2).path("fields");
        assertThat(shower.path("title").asText()).isEqualTo("Shower head 250 mm with anti-lime nozzles");
        assertThat(shower.path("cost").decimalValue()).isEqualByComparingTo("31.00");
        assertThat(shower.path("quantity").asInt()).isEqualTo(6);
        assertThat(shower.has("price")).isFalse();
        assertThat(j.path("skipped").toString()).contains("a total row");

        long id = j.path("document_id").asLong();
        Reply again = api.get("/api/po/documents/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(skus(again.json())).containsExactly("BM-100", "WC-200", "SH-300", "TR-400");

        Reply imported = api.post("/api/po/documents/" + id + "/import", "{}");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("added").asInt()).isEqualTo(4);
        for (JsonNode p : api.products("po")) {
            Reply done = api.post("/api/po/wip/process-one", "{\"wip_id\":" + p.path("id").asLong() + "}");
            assertThat(done.json().path("status").asText()).as(done.toString()).isEqualTo("review");
            JsonNode product = api.product("po", p.path("id").asLong());
            assertThat(product.toString()).doesNotContain("\"price\":31");
        }
    }

    @Test
    void a_three_page_order_is_one_table_without_its_repeated_headers_page_numbers_and_totals() {
        Reply r = upload("po", threePageOrder(), PDF, "");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<String> skus = new ArrayList<>();
        for (int n = 1; n <= 9; n++) skus.add("A-" + (100 + n));
        assertThat(skus(r.json())).containsExactlyElementsOf(skus);
        assertThat(r.json().path("rows").asInt()).isEqualTo(9);
        assertThat(r.json().path("preview").toString()).doesNotContain("Item #").doesNotContain("Page 2").doesNotContain("540.00");
        assertThat(r.json().path("preview").path(8).path("fields").path("cost").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(r.json().path("skipped").toString()).contains("a total row");
    }

    @Test
    void each_linesheet_style_gets_the_picture_beside_it_served_by_wipflow_and_runs_to_ready() throws IOException {
        Reply r = upload("looks", linesheet(2, 3, null), PDF, "?filename=spring.pdf");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(skus(r.json())).containsExactly("ST-1", "ST-2", "ST-3", "ST-4", "ST-5", "ST-6");
        long id = r.json().path("document_id").asLong();
        Reply imported = api.post("/api/looks/documents/" + id + "/import", "{}");
        assertThat(imported.json().path("added").asInt()).as(imported.toString()).isEqualTo(6);

        for (JsonNode listed : api.products("looks")) {
            long wipId = listed.path("id").asLong();
            int style = Integer.parseInt(listed.path("sku").asText().substring(3)) - 1;
            Reply done = api.post("/api/looks/wip/process-one", "{\"wip_id\":" + wipId + "}");
            assertThat(done.json().path("status").asText()).as(done.toString()).isEqualTo("ready");
            JsonNode product = api.product("looks", wipId);
            JsonNode fields = product.path("fields");
            assertThat(fields.path("price").decimalValue()).isEqualByComparingTo((style + 50) + ".00");
            assertThat(fields.path("cost").decimalValue()).isEqualByComparingTo((style + 20) + ".00");
            String first = fields.path("images").path(0).asText();
            assertThat(first).as(product.toString()).startsWith(wipflow.baseUrl() + "/api/looks/documents/" + id + "/images/");
            assertThat(fields.path("sources").path("images").asText()).isEqualTo("document");
            Picture picture = fetch(first);
            assertThat(picture.status()).isEqualTo(200);
            assertThat(picture.contentType()).isEqualTo("image/png");
            assertThat(colour(picture.bytes())).as("the picture of " + listed.path("sku").asText()).isEqualTo(STYLE_COLOURS[style].getRGB());
        }
    }

    @Test
    void a_pdf_larger_than_a_json_body_is_taken_and_one_larger_than_its_limit_is_413() {
        byte[] large = linesheet(1, 3, noise());
        assertThat(large.length).isGreaterThan(2_000_000);

        Reply r = upload("looks", large, PDF, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("rows").asInt()).isEqualTo(3);
        Reply asField = multipart("looks", large);
        assertThat(asField.status()).as(asField.toString()).isEqualTo(201);

        byte[] tooLarge = new byte[20_000_001];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, tooLarge, 0, head.length);
        Reply refused = upload("looks", tooLarge, PDF, "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().path("success").asBoolean(true)).isFalse();
        assertThat(count("documents")).isEqualTo(2);
    }

    @Test
    void a_scanned_an_encrypted_and_a_corrupt_pdf_are_refused_and_nothing_is_kept() {
        Reply added = api.post("/api/po/wip", "{\"items\":[{\"sku\":\"KEEP-1\",\"url\":\"https://supplier.example/p/keep-1\"}]}");
        assertThat(added.status()).isEqualTo(201);
        PdfMaker scanned = new PdfMaker();
        scanned.page().picture(scanned.picture(Color.LIGHT_GRAY, 400), 20, 20, 555, 800);
        PdfMaker secret = new PdfMaker();
        secret.page().row(100, PO_COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount")
                .row(120, PO_COLUMNS, "A-1", "Secret article", "1", "1.00", "1.00");
        byte[] corrupt = "%PDF-1.4\n1 0 obj <<\n/Type /Page".getBytes(StandardCharsets.US_ASCII);

        Reply noText = upload("po", scanned.bytes(), PDF, "");
        Reply encrypted = upload("po", secret.encrypted("pw"), PDF, "");
        Reply broken = upload("po", corrupt, PDF, "");
        Reply multipartBroken = multipart("po", corrupt);
        Reply noTime = upload("po", onePageOrder(), PDF, "?max_seconds=0");
        Reply nothingToContinue = api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/po/documents/999/continue")
                .post(RequestBody.create(onePageOrder(), MediaType.get(PDF))));

        assertThat(noText.status()).as(noText.toString()).isEqualTo(422);
        assertThat(noText.json().at("/error/code").asText()).isEqualTo("pdf_no_text");
        assertThat(noText.json().at("/error/message").asText()).contains("scanned");
        assertThat(encrypted.status()).as(encrypted.toString()).isEqualTo(422);
        assertThat(encrypted.json().at("/error/code").asText()).isEqualTo("pdf_encrypted");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.json().at("/error/code").asText()).isEqualTo("pdf_unreadable");
        assertThat(multipartBroken.status()).as(multipartBroken.toString()).isEqualTo(400);
        assertThat(noTime.status()).as(noTime.toString()).isEqualTo(400);
        assertThat(nothingToContinue.status()).as(nothingToContinue.toString()).isEqualTo(404);
        assertThat(count("documents")).isZero();
        assertThat(count("document_images")).isZero();
        assertThat(count("wip_products")).isEqualTo(1);
    }

    @Test
    void a_collection_made_by_a_document_alone_answers_on_its_document_routes() {
        Reply r = multipart("fresh", linesheet(1, 2, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("document_id").asLong();

        assertThat(api.get("/api/fresh/documents/" + id).status()).isEqualTo(200);
        assertThat(fetch(wipflow.baseUrl() + "/api/fresh/documents/" + id + "/images/1").status()).isEqualTo(200);
        assertThat(api.get("/api/fresh/wip").status()).isEqualTo(200);
        assertThat(api.get("/api/nowhere/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    void behind_a_proxy_the_picture_links_use_the_forwarded_scheme_and_host() {
        Reply r = api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/looks/documents")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "wipflow.example.com")
                .post(RequestBody.create(linesheet(1, 2, null), MediaType.get(PDF))));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("preview").path(0).path("fields").path("images").path(0).asText())
                .startsWith("https://wipflow.example.com/api/looks/documents/" + r.json().path("document_id").asLong() + "/images/");
    }

    @Test
    void a_long_linesheet_is_read_over_several_calls_each_going_on_where_the_last_stopped() throws IOException {
        wipflow.close();
        wipflow = Running.start(dir.resolve("ticking"), Map.of(), new Ticking());
        api = wipflow.api;
        int pages = 12;
        byte[] pdf = linesheet(pages, 3, null);

        Reply first = upload("long", pdf, PDF, "?max_seconds=1");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("done").asBoolean()).as("read in one second").isFalse();
        int read = first.json().path("pages_read").asInt();
        assertThat(read).as("a second is three pages and a bit").isEqualTo(4);
        assertThat(first.json().path("page_count").asInt()).isEqualTo(pages);
        assertThat(first.json().path("rows").asInt()).isEqualTo(read * 3);
        long id = first.json().path("document_id").asLong();
        String next = first.json().path("continue_url").asText();
        assertThat(next).isEqualTo("/api/long/documents/" + id + "/continue");
        assertThat(api.get("/api/long/documents/" + id).json().path("pages_read").asInt()).isEqualTo(read);
        Reply early = api.post("/api/long/documents/" + id + "/import", "{}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        Reply otherFile = api.call(new Request.Builder().url(wipflow.baseUrl() + next)
                .post(RequestBody.create(onePageOrder(), MediaType.get(PDF))));
        assertThat(otherFile.status()).as(otherFile.toString()).isEqualTo(422);
        assertThat(count("wip_products")).isZero();

        int calls = 1;
        Reply last = first;
        while (!last.json().path("done").asBoolean()) {
            int before = last.json().path("pages_read").asInt();
            last = api.call(new Request.Builder().url(wipflow.baseUrl() + next + "?max_seconds=1")
                    .post(RequestBody.create(pdf, MediaType.get(PDF))));
            assertThat(last.status()).as(last.toString()).isEqualTo(200);
            if (!last.json().path("done").asBoolean()) assertThat(last.json().path("pages_read").asInt()).isGreaterThan(before);
            assertThat(++calls).isLessThan(pages);
        }

        assertThat(last.json().path("rows").asInt()).isEqualTo(pages * 3);
        assertThat(last.json().has("pages_read")).isFalse();
        Reply imported = api.post("/api/long/documents/" + id + "/import", "{}");
        assertThat(imported.json().path("added").asInt()).as(imported.toString()).isEqualTo(pages * 3);
        JsonNode products = api.products("long");
        for (JsonNode listed : List.of(products.get(0), products.get(products.size() - 1))) {
            int style = Integer.parseInt(listed.path("sku").asText().substring(3)) - 1;
            JsonNode product = api.product("long", listed.path("id").asLong());
            String first0 = product.path("document_fields").path("images").path(0).asText();
            assertThat(first0).as(product.toString()).startsWith(wipflow.baseUrl() + "/api/long/documents/" + id + "/images/");
            assertThat(colour(fetch(first0).bytes())).isEqualTo(styleColour(style).getRGB());
        }
        Reply done = api.call(new Request.Builder().url(wipflow.baseUrl() + next).post(RequestBody.create(pdf, MediaType.get(PDF))));
        assertThat(done.status()).isEqualTo(409);
    }

    // --- the documents, as suppliers' systems print them

    private static byte[] onePageOrder() {
        return PurchaseOrders.onePage();
    }

    private static byte[] threePageOrder() {
        return PurchaseOrders.threePages();
    }

    /**
     * A linesheet of {@code pages} pages of {@code perPage} styles, each style's picture (its own colour) to the left of
     * its line, the supplier's logo at the top of every page; {@code extra}, if given, drawn small on the first page.
     */
    private static byte[] linesheet(int pages, int perPage, BufferedImage extra) {
        PdfMaker pdf = new PdfMaker();
        var logo = pdf.picture(Color.RED, 120);
        for (int p = 0; p < pages; p++) {
            PdfMaker.Page page = pdf.page().picture(logo, 440, 20, 110, 45).text(50, 50, 14, "Spring linesheet 2027");
            page.row(100, SHEET_COLUMNS, "Style", "Name", "Colour", "Wholesale", "Retail");
            for (int i = 0; i < perPage; i++) {
                int style = p * perPage + i;
                float top = 140 + i * 100;
                page.picture(pdf.picture(styleColour(style), 48), 50, top - 10, 80, 80);
                page.row(top, SHEET_COLUMNS, "ST-" + (style + 1), "Style " + (style + 1), "Colour " + (style + 1),
                        (style + 20) + ".00", (style + 50) + ".00");
            }
            if (p == 0 && extra != null) page.picture(pdf.lossless(extra), 300, 700, 100, 100);
            page.text(270, 810, "Page " + (p + 1) + " of " + pages);
        }
        return pdf.bytes();
    }

    private static Color styleColour(int style) {
        return style < STYLE_COLOURS.length ? STYLE_COLOURS[style] : new Color(40 + style % 200, 255 - style % 200, (style * 37) % 256);
    }

    /** A picture of random pixels, which no compression makes small: about 3 MB in a PDF. */
    private static BufferedImage noise() {
        BufferedImage image = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 1000; y++) for (int x = 0; x < 1000; x++) image.setRGB(x, y, random.nextInt(0x1000000));
        return image;
    }


    // --- talking to wipflow

    private Reply upload(String collection, byte[] bytes, String type, String query) {
        return api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/" + collection + "/documents" + query)
                .post(RequestBody.create(bytes, MediaType.get(type))));
    }

    private Reply multipart(String collection, byte[] bytes) {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "supplier.pdf", RequestBody.create(bytes, MediaType.get(PDF))).build();
        return api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/" + collection + "/documents").post(body));
    }

    private static List<String> skus(JsonNode preview) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : preview.path("preview")) out.add(item.path("sku").asText());
        return out;
    }

    private long count(String table) {
        return wipflow.app.database().sql().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private Picture fetch(String url) {
        try (Response r = api.http().newCall(new Request.Builder().url(url).build()).execute()) {
            return new Picture(r.code(), r.header("Content-Type"), r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int colour(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
    }

    private record Picture(int status, String contentType, byte[] bytes) {
    }

    /** A clock that moves on 300 ms each time it is read, so reading a page takes that long however fast the machine is. */
    private static final class Ticking extends Clock {
        private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(300));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
