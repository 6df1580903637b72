package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import dev.wipflow.support.Workbooks;
import dev.wipflow.support.Workbooks.Tab;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supplier documents through the real server: written by the test (POI writes the XLSX), previewed, imported, processed. */
class DocumentsTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path dir;
    FixtureShop shop;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private Reply upload(String collection, byte[] bytes, String type, String query) {
        return api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/" + collection + "/documents" + query)
                .post(RequestBody.create(bytes, type == null ? null : MediaType.get(type))));
    }

    private byte[] purchaseOrder() {
        return Workbooks.xlsx(new Tab("Order 4711", List.of(
                row("Acme Bathrooms Ltd"),
                row("Purchase order 4711", null, null, "Date", "2026-11-30"),
                row(),
                row("Item #", "Description", "Colour", "Qty", "Unit cost", "EAN", "Link"),
                row("UM-60", "Basin mixer", "Chrome", 12, 41.5, 4006381333931L, shop.url("sink-jsonld.html")),
                row("UM-61", "Basin mixer tall", "Matte Black", 6, 55.0, 4006381333948L, null),
                row(null, "Spare cartridge", null, 2, 4.0, null, null),
                row("UM-62", "Kitchen tap", "Chrome", 3, "1.234,50", 4006381333955L, null),
                row(null, null, null, "Total", 1234.5 + 41.5 * 12 + 55 * 6 + 8))));
    }

    @Test
    void a_purchase_order_below_a_title_block_is_previewed_with_its_mapping_items_and_problems() {
        Reply r = upload("po", purchaseOrder(), XLSX, "?filename=po.xlsx");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode j = r.json();
        assertThat(j.path("header_row").asInt()).isEqualTo(4);
        JsonNode m = j.path("mapping");
        assertThat(m.path("sku").path("column").asInt()).isEqualTo(0);
        assertThat(m.path("sku").path("by").asText()).isEqualTo("header");
        assertThat(m.path("title").path("column").asInt()).isEqualTo(1);
        assertThat(m.path("option:Color").path("column").asInt()).isEqualTo(2);
        assertThat(m.path("quantity").path("column").asInt()).isEqualTo(3);
        assertThat(m.path("cost").path("column").asInt()).isEqualTo(4);
        assertThat(m.path("gtin").path("column").asInt()).isEqualTo(5);
        assertThat(m.path("url").path("column").asInt()).isEqualTo(6);
        assertThat(m.has("price")).as("a unit cost is never the price").isFalse();
        assertThat(m.path("cost").path("confidence").asDouble()).isGreaterThan(0.8);
        assertThat(j.path("rows").asInt()).isEqualTo(3);
        JsonNode first = j.path("preview").path(0);
        assertThat(first.path("sku").asText()).isEqualTo("UM-60");
        assertThat(first.path("fields").path("gtin").asText()).isEqualTo("4006381333931");
        assertThat(first.path("fields").path("cost").decimalValue()).isEqualByComparingTo("41.5");
        assertThat(first.path("fields").path("quantity").asInt()).isEqualTo(12);
        assertThat(first.path("fields").path("options").path("Color").asText()).isEqualTo("Chrome");
        assertThat(first.path("fields").has("price")).isFalse();
        assertThat(j.path("preview").path(2).path("fields").path("cost").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(j.path("problems").toString()).contains("no_sku").contains("\"row\":7");
        assertThat(j.path("skipped").toString()).contains("a total row").contains("\"row\":9");

        Reply again = api.get("/api/po/documents/" + j.path("document_id").asLong());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("mapping")).isEqualTo(m);
    }

    @Test
    void german_headers_map_cost_and_retail_price_apart() {
        byte[] doc = Workbooks.xlsx(new Tab("Artikel", List.of(
                row("Art.-Nr.", "Bezeichnung", "Farbe", "Menge", "EK-Preis", "UVP", "EAN"),
                row("WB-100", "Waschbecken 60", "Weiß", 4, "89,90", "179,00", "4006381333931"),
                row("WB-101", "Waschbecken 80", "Weiß", 2, "119,90", "239,00", "4006381333932"))));
        Reply r = upload("de", doc, XLSX, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode m = r.json().path("mapping");
        assertThat(m.path("sku").path("column").asInt()).isZero();
        assertThat(m.path("title").path("column").asInt()).isEqualTo(1);
        assertThat(m.path("cost").path("column").asInt()).isEqualTo(4);
        assertThat(m.path("price").path("column").asInt()).isEqualTo(5);
        JsonNode item = r.json().path("preview").path(0).path("fields");
        assertThat(item.path("cost").decimalValue()).isEqualByComparingTo("89.90");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("179.00");
        assertThat(r.json().path("problems").toString()).contains("bad_gtin").contains("4006381333932");
    }

    @Test
    void a_semicolon_csv_with_a_byte_order_mark_and_decimal_commas_is_read() {
        String csv = "\uFEFFArtikelnummer;Bezeichnung;Einkaufspreis;VK-Preis;Menge\r\n"
                + "A-1;Spüle \"Linea\";1.234,50;2.499,00;3\r\n"
                + "A-2;Armatur;12,5;29,95;10\r\n";
        Reply r = upload("csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv", "?filename=liste.csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("format").asText()).isEqualTo("csv");
        assertThat(r.json().path("headers").path(0).asText()).isEqualTo("Artikelnummer");
        JsonNode first = r.json().path("preview").path(0).path("fields");
        assertThat(first.path("sku").asText()).isEqualTo("A-1");
        assertThat(first.path("title").asText()).isEqualTo("Spüle \"Linea\"");
        assertThat(first.path("cost").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(first.path("price").decimalValue()).isEqualByComparingTo("2499.00");
        assertThat(r.json().path("preview").path(1).path("fields").path("cost").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void an_imported_order_keeps_its_values_as_document_fields_and_cost_never_becomes_price() {
        long doc = upload("po", purchaseOrder(), XLSX, "").json().path("document_id").asLong();
        Reply imported = api.post("/api/po/documents/" + doc + "/import", "{\"url_template\":\"" + shop.url("{sku}") + "\"}");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("added").asInt()).isEqualTo(3);
        assertThat(imported.json().path("skipped").toString()).contains("no SKU").contains("a total row");
        JsonNode products = api.products("po");
        assertThat(products).hasSize(3);
        for (JsonNode p : products) {
            JsonNode doc1 = api.product("po", p.path("id").asLong()).path("document_fields");
            assertThat(doc1.has("cost")).isTrue();
            assertThat(doc1.has("price")).isFalse();
            assertThat(doc1.path("sources").path("cost").asText()).isEqualTo("document");
        }
        assertThat(products.get(1).path("url").asText()).isEqualTo(shop.url("UM-61"));

        Reply twice = api.post("/api/po/documents/" + doc + "/import", "{}");
        assertThat(twice.json().path("added").asInt()).isZero();
        assertThat(twice.json().path("skipped").toString()).contains("already in po");
    }

    @Test
    void imported_items_run_through_the_pipeline_to_ready_with_and_without_a_url() {
        byte[] doc = Workbooks.xlsx(new Tab("PO", List.of(
                row("SKU", "Name", "Unit cost", "EAN", "URL"),
                row("UM-60", "Basin from the order", 41.5, "4006381333931", shop.url("sink-jsonld.html")),
                row("NO-URL-1", "Towel rail 50 cm", 19.0, "4006381333948", null))));
        long id = upload("run", doc, XLSX, "").json().path("document_id").asLong();
        assertThat(api.post("/api/run/documents/" + id + "/import", "{}").json().path("added").asInt()).isEqualTo(2);
        for (JsonNode p : api.products("run")) {
            Reply r = api.post("/api/run/wip/process-one", "{\"wip_id\":" + p.path("id").asLong() + "}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).as(r.toString()).isIn("ready", "review");
            JsonNode fields = api.product("run", p.path("id").asLong()).path("fields");
            assertThat(fields.path("cost").decimalValue()).isNotNull();
            if (fields.has("price")) {
                assertThat(fields.path("price").decimalValue()).isNotEqualByComparingTo(fields.path("cost").decimalValue());
                assertThat(fields.path("sources").path("price").asText()).isNotEqualTo("document");
            }
            assertThat(fields.path("gtin").asText()).isNotEmpty();
        }
        JsonNode noUrl = api.products("run").get(1);
        JsonNode fields = api.product("run", noUrl.path("id").asLong()).path("fields");
        assertThat(fields.path("title").asText()).isEqualTo("Towel rail 50 cm");
        assertThat(fields.path("sources").path("title").asText()).isEqualTo("document");
        assertThat(fields.has("price")).isFalse();
        JsonNode fromPage = api.product("run", api.products("run").get(0).path("id").asLong()).path("fields");
        assertThat(fromPage.path("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("41.5"));
        assertThat(fromPage.path("sources").path("cost").asText()).isEqualTo("document");
    }

    @Test
    void a_linesheet_enriches_the_order_by_style_number_without_adding_its_other_styles() {
        byte[] po = Workbooks.xlsx(new Tab("PO", List.of(
                row("Item #", "Style", "Colour", "Qty", "Unit cost"),
                row("ST100-BLK", "ST100", "Black", 5, 20),
                row("ST100-WHT", "ST100", "White", 5, 20),
                row("ST200-RED", "ST200", "Red", 2, 30))));
        byte[] linesheet = Workbooks.xlsx(new Tab("Linesheet SS27", List.of(
                row("Style No", "Name", "Wholesale", "RRP", "Description", "Image"),
                row("ST100", "Linen shirt", 20, 59.95, "A linen shirt.", "https://cdn.example/st100.jpg"),
                row("ST300", "Wool coat", 90, 249, "A coat.", "https://cdn.example/st300.jpg"))));
        long poId = upload("ls", po, XLSX, "").json().path("document_id").asLong();
        assertThat(api.post("/api/ls/documents/" + poId + "/import",
                "{\"url_template\":\"https://supplier.example/p/{sku}\"}").json().path("added").asInt()).isEqualTo(3);
        Reply sheet = upload("ls", linesheet, XLSX, "");
        assertThat(sheet.json().path("mapping").path("style").path("column").asInt()).isZero();
        assertThat(sheet.json().path("mapping").path("cost").path("column").asInt()).isEqualTo(2);
        assertThat(sheet.json().path("mapping").path("price").path("column").asInt()).isEqualTo(3);
        Reply enriched = api.post("/api/ls/documents/" + sheet.json().path("document_id").asLong() + "/import", "{\"enrich\":true}");
        assertThat(enriched.status()).as(enriched.toString()).isEqualTo(200);
        assertThat(enriched.json().path("added").asInt()).isZero();
        assertThat(enriched.json().path("updated").asInt()).isEqualTo(2);
        assertThat(enriched.json().path("skipped").toString()).contains("ST300");
        JsonNode products = api.products("ls");
        assertThat(products).hasSize(3);
        JsonNode black = api.product("ls", products.get(0).path("id").asLong()).path("document_fields");
        assertThat(black.path("title").asText()).isEqualTo("Linen shirt");
        assertThat(black.path("price").decimalValue()).isEqualByComparingTo("59.95");
        assertThat(black.path("cost").decimalValue()).isEqualByComparingTo("20");
        assertThat(black.path("options").path("Color").asText()).isEqualTo("Black");
        assertThat(black.path("images").path(0).asText()).isEqualTo("https://cdn.example/st100.jpg");
        JsonNode red = api.product("ls", products.get(2).path("id").asLong()).path("document_fields");
        assertThat(red.has("price")).isFalse();
    }

    @Test
    void the_collections_own_sheet_tab_offers_its_new_rows() {
        api.post("/api/tab/wip", "{\"items\":[{\"sku\":\"UM-60\",\"url\":\"" + shop.url("sink-jsonld.html") + "\"}]}");
        Reply done = api.post("/api/tab/wip/process-one", "{}");
        assertThat(done.json().path("status").asText()).as(done.toString()).isEqualTo("ready");
        wipflow.app.database().sql().useHandle(h -> {
            h.execute("INSERT INTO sheet_rows (collection, row_num, sku, cells) VALUES ('tab', 3, 'NEW-1',"
                    + " '{\"SKU\":\"NEW-1\",\"URL\":\"" + shop.url("tap-og.html") + "\",\"Title\":\"\"}')");
            h.execute("INSERT INTO sheet_rows (collection, row_num, sku, cells) VALUES ('tab', 4, 'NEW-2',"
                    + " '{\"SKU\":\"NEW-2\",\"URL\":\"\"}')");
        });
        Reply r = api.post("/api/tab/documents/sheet", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("rows").asInt()).isEqualTo(1);
        assertThat(r.json().path("preview").path(0).path("sku").asText()).isEqualTo("NEW-1");
        assertThat(r.json().path("skipped").toString()).contains("has a status already").contains("no URL");
        Reply imported = api.post("/api/tab/documents/" + r.json().path("document_id").asLong() + "/import", "{}");
        assertThat(imported.json().path("added").asInt()).isEqualTo(1);
        assertThat(api.products("tab")).hasSize(2);
    }

    @Test
    void a_document_sent_as_multipart_is_read_like_a_raw_body() {
        byte[] doc = Workbooks.xlsx(new Tab("S", List.of(row("SKU", "URL"), row("M-1", shop.url("tap-og.html")))));
        Reply r = api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/mp/documents").post(new MultipartBody.Builder()
                .setType(MultipartBody.FORM).addFormDataPart("file", "order.xlsx", RequestBody.create(doc, MediaType.get(XLSX)))
                .build()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("filename").asText()).isEqualTo("order.xlsx");
        assertThat(r.json().path("rows").asInt()).isEqualTo(1);
    }

    @Test
    void every_sheet_is_looked_at_and_one_can_be_named() {
        byte[] doc = Workbooks.xlsx(new Tab("Cover", List.of(row("Spring order"), row("Thanks for your business"))),
                new Tab("Items", List.of(row("SKU", "Qty"), row("X-1", 1), row("X-2", 2))),
                new Tab("Extra", List.of(row("SKU", "Qty"), row("Y-1", 1))));
        Reply r = upload("sheets", doc, XLSX, "");
        assertThat(r.json().path("sheet").asText()).isEqualTo("Items");
        assertThat(r.json().path("sheets").toString()).contains("Cover", "Items", "Extra");
        Reply named = upload("sheets", doc, XLSX, "?sheet=Extra");
        assertThat(named.json().path("rows").asInt()).isEqualTo(1);
        Reply missing = upload("sheets", doc, XLSX, "?sheet=Nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("details").path("sheets").toString()).contains("Items");
    }

    @Test
    void unreadable_documents_are_a_clear_4xx_and_add_nothing() {
        byte[] good = purchaseOrder();
        byte[] corrupt = Arrays.copyOf(good, good.length / 3);
        Reply r = upload("bad", corrupt, XLSX, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).contains("XLSX cannot be read");

        Reply bomb = upload("bad", Workbooks.zipBomb(200L << 20), XLSX, "");
        assertThat(bomb.status()).as(bomb.toString()).isEqualTo(413);
        assertThat(bomb.json().path("error").path("message").asText()).contains("zip bomb");

        Reply entities = upload("bad", Workbooks.entityBomb(), XLSX, "");
        assertThat(entities.status()).as(entities.toString()).isIn(400, 413);
        assertThat(entities.json().path("error").path("message").asText()).doesNotContain("lollol");

        Reply empty = upload("bad", new byte[0], "text/csv", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").path("message").asText()).contains("empty");

        Reply noSku = upload("bad", "Colour,Qty\nRed,1\nBlue,2\n".getBytes(StandardCharsets.UTF_8), "text/csv", "");
        assertThat(noSku.status()).isEqualTo(422);
        assertThat(noSku.json().path("error").path("message").asText()).contains("SKU");

        Reply image = upload("bad", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "image/png", "");
        assertThat(image.status()).isEqualTo(415);

        assertThat(api.get("/api/bad/wip").status()).as("no collection was made").isEqualTo(404);
        assertThat(api.get("/api/bad/documents/1").status()).isEqualTo(404);
    }

    @Test
    void a_corrected_mapping_is_previewed_without_changing_the_document_or_adding_anything() {
        JsonNode detected = upload("remap", purchaseOrder(), XLSX, "").json();
        long doc = detected.path("document_id").asLong();

        Reply r = api.post("/api/remap/documents/" + doc + "/preview", "{\"mapping\":{\"title\":2, \"gtin\":null}}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode m = r.json().path("mapping");
        assertThat(m.path("title").path("column").asInt()).isEqualTo(2);
        assertThat(m.path("title").path("by").asText()).isEqualTo("given");
        assertThat(m.has("gtin")).isFalse();
        assertThat(m.has("option:Color")).as("the column now holds the title").isFalse();
        JsonNode first = r.json().path("preview").path(0).path("fields");
        assertThat(first.path("title").asText()).isEqualTo("Chrome");
        assertThat(first.has("gtin")).isFalse();
        assertThat(api.get("/api/remap/documents/" + doc).json().path("mapping")).isEqualTo(detected.path("mapping"));

        assertThat(api.post("/api/remap/documents/" + doc + "/preview", "{\"mapping\":{\"title\":\"Colour\"}}").status()).isEqualTo(422);
        assertThat(api.post("/api/remap/documents/" + doc + "/preview", "{\"mapping\":").status()).isEqualTo(400);
        assertThat(api.post("/api/remap/documents/999/preview", "{}").status()).isEqualTo(404);
        assertThat(api.products("remap")).isEmpty();
    }

    @Test
    void a_failed_import_adds_nothing() {
        long doc = upload("fail", purchaseOrder(), XLSX, "").json().path("document_id").asLong();
        Reply badTemplate = api.post("/api/fail/documents/" + doc + "/import", "{\"url_template\":\"ftp://x/{sku}\"}");
        assertThat(badTemplate.status()).isEqualTo(422);
        Reply badMapping = api.post("/api/fail/documents/" + doc + "/import", "{\"mapping\":{\"sku\":\"first\"}}");
        assertThat(badMapping.status()).isEqualTo(422);
        Reply noDoc = api.post("/api/fail/documents/999/import", "{}");
        assertThat(noDoc.status()).isEqualTo(404);
        assertThat(api.products("fail")).isEmpty();

        Reply remapped = api.post("/api/fail/documents/" + doc + "/import", "{\"mapping\":{\"sku\":5, \"gtin\":null}}");
        assertThat(remapped.status()).as(remapped.toString()).isEqualTo(201);
        assertThat(api.products("fail").get(0).path("sku").asText()).isEqualTo("4006381333931");
    }

    @Test
    void an_import_that_fails_halfway_adds_and_updates_nothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(dev.wipflow.support.TestDatabase.postgres(), "holds a lease in SQLite by hand");
        long first = upload("half", purchaseOrder(), XLSX, "").json().path("document_id").asLong();
        Reply added = api.post("/api/half/documents/" + first + "/import", "{}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("added").asInt()).isEqualTo(3);

        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Item #", "Description", "Qty"));
        for (int i = 0; i < 1_200; i++) rows.add(row("NEW-" + i, "New mixer " + i, 1 + i % 5));
        rows.add(row("UM-60", "Basin mixer, new edition", 99));
        rows.add(row("UM-61", "Basin mixer tall", 7)); // being processed: the import stops here
        for (int i = 1_200; i < 1_400; i++) rows.add(row("NEW-" + i, "New mixer " + i, 1));
        long second = upload("half", Workbooks.xlsx(new Tab("Order 4712", rows)), XLSX, "").json().path("document_id").asLong();

        String db = "jdbc:sqlite:" + dir.resolve("wipflow.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db)) {
            c.createStatement().execute("UPDATE wip_products SET status = 'processing', lease_until = "
                    + (System.currentTimeMillis() + 600_000) + " WHERE collection = 'half' AND sku = 'UM-61'");
        }
        Reply refused = api.post("/api/half/documents/" + second + "/import", "{\"update_existing\":true}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        List<String> skus = new ArrayList<>();
        api.products("half").forEach(p -> skus.add(p.path("sku").asText()));
        assertThat(skus).as("nothing of the refused import was added").containsExactlyInAnyOrder("UM-60", "UM-61", "UM-62");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT document_fields FROM wip_products"
                     + " WHERE collection = 'half' AND sku = 'UM-60'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("UM-60's values before the refused import").contains("\"quantity\":12");
            c.createStatement().execute("UPDATE wip_products SET status = 'pending', lease_until = NULL WHERE sku = 'UM-61'");
        }

        Reply imported = api.post("/api/half/documents/" + second + "/import", "{\"update_existing\":true}");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("added").asInt()).isEqualTo(1_400);
        assertThat(imported.json().path("updated").asInt()).isEqualTo(2);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM wip_products WHERE collection = 'half'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1_403);
        }
    }
}
