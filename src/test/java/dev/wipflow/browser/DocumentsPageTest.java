package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.document.PdfMaker;
import dev.wipflow.support.Api;
import dev.wipflow.support.Running;
import dev.wipflow.support.TickingClock;
import dev.wipflow.support.Workbooks;
import dev.wipflow.support.Workbooks.Tab;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's supplier documents: a purchase order dropped on it, its columns shown and one corrected, imported into
 * the products table; a long PDF read over several requests, stopped and read on; refusals in the server's words;
 * a document's text shown only as text. The server's clock moves on with each reading, so a PDF takes the same
 * number of requests however fast the machine is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class DocumentsPageTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final float[] SHEET_COLUMNS = {150, 220, 340, 420, 490};
    /**
     * Pages enough that no single request (a budget of 1 s) reads from the first progress to the end: the stop must
     * find a request under way with pages still to read, on a fast machine too.
     */
    private static final int PDF_PAGES = 120;

    @TempDir
    static Path tmp;

    private Running server;
    private ChromeDriver browser;
    private BatchPage page;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        server = Running.start(tmp, Map.of(), new TickingClock(300));
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        page = new BatchPage(browser, server.baseUrl());
        api = server.api;
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @BeforeEach
    void freshBrowserState() {
        page.forgetBrowserState();
    }

    @AfterEach
    void noScriptOfTheDocumentRan() {
        assertThat(page.script("return window.__pwned === undefined")).isEqualTo(true);
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert was shown: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void a_dropped_purchase_order_is_previewed_a_column_corrected_and_its_items_imported_into_the_table() throws Exception {
        page.open("orders");
        drop(purchaseOrder(), "po-4711.xlsx", XLSX);

        page.waitFor(d -> text("doc-summary").startsWith("po-4711.xlsx: 3 items on sheet “Order 4711” (header on row 4"));
        assertThat(columnOf("sku")).isEqualTo("0");
        assertThat(columnOf("title")).isEqualTo("1");
        assertThat(columnOf("quantity")).isEqualTo("3");
        assertThat(columnOf("cost")).isEqualTo("4");
        assertThat(columnOf("gtin")).isEqualTo("5");
        assertThat(columnOf("price")).as("a unit cost is never the price").isEmpty();
        assertThat(sure("cost")).matches("\\d+% by header");
        assertThat(previewSkus()).containsExactly("UM-60", "UM-61", "UM-62");
        assertThat(new java.math.BigDecimal(previewCell("UM-60", "cost"))).isEqualByComparingTo("41.5");
        assertThat(previewCell("UM-60", "price")).isEmpty();
        assertThat(previewCell("UM-60", "options")).isEqualTo("Color: Chrome");
        assertThat(text("doc-problems")).contains("a total row");

        // this team keys its products by EAN: the SKU is the EAN column, and the preview follows
        new Select(mappingSelect("sku")).selectByVisibleText("6: EAN");
        page.waitFor(d -> previewSkus().equals(List.of("4006381333931", "4006381333948", "4006381333955")));
        assertThat(sure("sku")).isEqualTo("100% by given");
        page.type("doc-template", "https://supplier.example/p/{sku}");
        page.click("doc-import");

        page.waitFor(d -> text("doc-imported").startsWith("Imported: 3 added, 0 updated"));
        page.waitFor(d -> !browser.findElements(By.cssSelector("#product-rows tr[data-sku='4006381333931']")).isEmpty());
        assertThat(page.rows()).hasSize(3);
        JsonNode product = api.product("orders", idOf("orders", "4006381333931"));
        assertThat(product.path("url").asText()).isEqualTo("https://supplier.example/p/4006381333931");
        assertThat(product.path("document_fields").path("cost").decimalValue()).isEqualByComparingTo("41.5");
        assertThat(product.path("document_fields").has("price")).isFalse();
        page.screenshot("documents-imported");
    }

    @Test
    void a_linesheet_after_its_order_only_enriches_the_orders_products() {
        page.open("enrich");
        drop(Workbooks.xlsx(new Tab("PO", List.of(
                row("Item #", "Style", "Colour", "Qty", "Unit cost"),
                row("ST100-BLK", "ST100", "Black", 5, 20),
                row("ST200-RED", "ST200", "Red", 2, 30)))), "po.xlsx", XLSX);
        page.waitFor(d -> previewSkus().size() == 2);
        page.type("doc-template", "https://supplier.example/p/{sku}");
        page.click("doc-import");
        page.waitFor(d -> text("doc-imported").startsWith("Imported: 2 added"));

        drop(Workbooks.xlsx(new Tab("Linesheet SS27", List.of(
                row("Style No", "Name", "Wholesale", "RRP"),
                row("ST100", "Linen shirt", 20, 59.95),
                row("ST300", "Wool coat", 90, 249)))), "linesheet.xlsx", XLSX);
        page.waitFor(d -> previewSkus().equals(List.of("ST100", "ST300")));
        assertThat(browser.findElements(By.id("doc-imported"))).as("the last import's result is gone").isEmpty();
        page.click("doc-enrich");
        page.click("doc-import");

        page.waitFor(d -> text("doc-imported").equals("Imported: 0 added, 1 updated, 1 skipped."));
        assertThat(text("doc-result")).contains("no product with SKU or style number ST300");
        assertThat(page.rows()).hasSize(2);
        JsonNode black = api.product("enrich", idOf("enrich", "ST100-BLK")).path("document_fields");
        assertThat(black.path("title").asText()).isEqualTo("Linen shirt");
        assertThat(black.path("price").decimalValue()).isEqualByComparingTo("59.95");
        assertThat(black.path("cost").decimalValue()).as("the order's cost stays").isEqualByComparingTo("20");
    }

    @Test
    void a_long_pdf_is_read_request_by_request_with_its_pages_shown_and_can_be_stopped_and_read_on() throws Exception {
        Path pdf = tmp.resolve("spring-linesheet.pdf");
        Files.write(pdf, linesheet(PDF_PAGES, 3));
        page.open("linesheet");
        page.type("max-seconds", "1");
        try {
            browser.findElement(By.id("doc-file")).sendKeys(pdf.toAbsolutePath().toString());

            page.waitFor(d -> "reading".equals(d.findElement(By.id("doc-reading")).getDomAttribute("data-state"))
                    && text("doc-reading-text").matches("Reading the PDF: \\d+ of " + PDF_PAGES + " pages read…"));
            page.click("doc-stop");
            page.waitFor(d -> "stopped".equals(d.findElement(By.id("doc-reading")).getDomAttribute("data-state")));
            String stopped = text("doc-reading-text");
            assertThat(stopped).matches("Stopped after \\d+ of " + PDF_PAGES + " pages\\. .*");
            int read = Integer.parseInt(stopped.replaceAll("Stopped after (\\d+) of.*", "$1"));
            assertThat(read).isBetween(1, PDF_PAGES - 1);
            assertThat(browser.findElement(By.id("doc-import")).isEnabled()).as("only a PDF read to its end is imported").isFalse();
            assertThat(previewSkus()).startsWith("ST-1", "ST-2", "ST-3");

            page.click("doc-read-on");
            page.waitFor(d -> !d.findElement(By.id("doc-reading")).isDisplayed()
                    && text("doc-summary").startsWith("spring-linesheet.pdf: " + PDF_PAGES * 3 + " items in the PDF"));
            page.waitFor(d -> d.findElement(By.id("doc-import")).isEnabled());
            String picture = browser.findElement(By.cssSelector("#doc-preview-rows tr[data-sku='ST-1'] td[data-col='picture'] img"))
                    .getDomAttribute("src");
            assertThat(picture).startsWith(server.baseUrl() + "/api/linesheet/documents/").contains("/images/");
            assertThat(columnOf("cost")).isEqualTo("3");
            assertThat(columnOf("price")).isEqualTo("4");
            page.click("doc-import");
            page.waitFor(d -> text("doc-imported").startsWith("Imported: " + PDF_PAGES * 3 + " added"));
            page.waitFor(d -> !page.rows().isEmpty());
            assertThat(api.get("/api/linesheet/wip?limit=1").json().path("total").asInt()).isEqualTo(PDF_PAGES * 3);
        } finally {
            page.type("max-seconds", "");
        }
    }

    @Test
    void a_refused_file_is_told_in_the_servers_words_and_adds_nothing() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String said = refusal(png, "image/png");
        Path picture = tmp.resolve("photo.png");
        Files.write(picture, png);
        page.open("refused");

        browser.findElement(By.id("doc-file")).sendKeys(picture.toAbsolutePath().toString());
        String shown = page.waitFor(d -> d.findElement(By.id("doc-error")).isDisplayed() ? text("doc-error") : null);
        assertThat(shown).isEqualTo("wipflow cannot read this kind of file (send CSV, XLSX or PDF): " + said);

        drop("Colour,Qty\nRed,1\nBlue,2\n".getBytes(StandardCharsets.UTF_8), "colours.csv", "text/csv");
        page.waitFor(d -> text("doc-error").startsWith("The file cannot be used as it is: no column of the document looks like a SKU"));

        Path large = tmp.resolve("large.csv");
        byte[] line = "SKU-1,https://supplier.example/p/sku-1\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(large)) {
            out.write("sku,url\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written <= 10_000_000; written += line.length) out.write(line);
        }
        browser.findElement(By.id("doc-file")).sendKeys(large.toAbsolutePath().toString());
        page.waitFor(d -> text("doc-error").startsWith("The file is too large: "));
        assertThat(text("doc-error")).contains("at most");
        assertThat(browser.findElement(By.id("doc-found")).isDisplayed()).isFalse();
        assertThat(api.get("/api/refused/wip").status()).as("no collection was made").isEqualTo(404);
    }

    @Test
    void a_hostile_cell_and_header_are_shown_as_text() {
        String hostile = "<img src=x onerror=window.__pwned=1>";
        String csv = "SKU,Title,RRP,Notes <img src=x onerror=window.__pwned=2>\nHX-1," + hostile + ",10.00,fine\n";
        page.open("hostile-doc");
        drop(csv.getBytes(StandardCharsets.UTF_8), "hostile.csv", "text/csv");

        page.waitFor(d -> previewSkus().equals(List.of("HX-1")));
        assertThat(previewCell("HX-1", "title")).isEqualTo(hostile);
        assertThat(new Select(mappingSelect("sku")).getOptions()).extracting(WebElement::getText)
                .contains("4: Notes <img src=x onerror=window.__pwned=2>");
        assertThat(browser.findElements(By.cssSelector("img[src='x'], img[src$='/x']"))).isEmpty();
    }

    @Test
    void the_sheet_tab_is_read_as_a_document() {
        api.post("/api/tab/wip", "{\"items\":[{\"sku\":\"OLD-1\",\"url\":\"https://supplier.example/p/old-1\"}]}");
        server.app.database().sql().useHandle(h -> {
            h.execute("INSERT INTO sheet_rows (collection, row_num, sku, cells) VALUES ('tab', 2, 'OLD-1',"
                    + " '{\"SKU\":\"OLD-1\",\"URL\":\"https://supplier.example/p/old-1\",\"Status\":\"ready\"}')");
            h.execute("INSERT INTO sheet_rows (collection, row_num, sku, cells) VALUES ('tab', 3, 'NEW-1',"
                    + " '{\"SKU\":\"NEW-1\",\"URL\":\"https://supplier.example/p/new-1\"}')");
        });
        page.open("tab");

        page.click("doc-sheet");
        page.waitFor(d -> previewSkus().equals(List.of("NEW-1")));
        assertThat(text("doc-problems")).contains("has a status already");
        page.click("doc-import");
        page.waitFor(d -> text("doc-imported").startsWith("Imported: 1 added"));
        page.waitFor(d -> page.rows().size() == 2);
    }

    @Test
    void on_a_phone_390_px_wide_the_documents_part_fits_the_screen() throws Exception {
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            page.open("phone-doc");
            drop(purchaseOrder(), "po.xlsx", XLSX);
            page.waitFor(d -> previewSkus().size() == 3);

            long width = ((Number) page.script("return window.innerWidth")).longValue();
            assertThat(width).isLessThanOrEqualTo(400);
            assertThat(((Number) page.script("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(width);
            for (String id : List.of("doc-drop", "doc-sheet", "doc-mapping", "doc-template", "doc-import")) {
                Number right = (Number) page.script("return document.getElementById(arguments[0]).getBoundingClientRect().right", id);
                assertThat(right.doubleValue()).as(id + " fits the screen").isLessThanOrEqualTo(width);
            }
            page.script("document.getElementById('documents-panel').scrollIntoView()");
            page.screenshot("phone-documents");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    // --- the documents

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static byte[] purchaseOrder() {
        return Workbooks.xlsx(new Tab("Order 4711", List.of(
                row("Acme Bathrooms Ltd"),
                row("Purchase order 4711", null, null, "Date", "2026-11-30"),
                row(),
                row("Item #", "Description", "Colour", "Qty", "Unit cost", "EAN"),
                row("UM-60", "Basin mixer", "Chrome", 12, 41.5, 4006381333931L),
                row("UM-61", "Basin mixer tall", "Matte Black", 6, 55.0, 4006381333948L),
                row("UM-62", "Kitchen tap", "Chrome", 3, 19.9, 4006381333955L),
                row(null, null, null, "Total", 884.7))));
    }

    /** {@code pages} pages of {@code perPage} styles, each with its picture to the left of its line. */
    private static byte[] linesheet(int pages, int perPage) {
        PdfMaker pdf = new PdfMaker();
        for (int p = 0; p < pages; p++) {
            PdfMaker.Page sheet = pdf.page().text(50, 50, 14, "Spring linesheet 2027");
            sheet.row(100, SHEET_COLUMNS, "Style", "Name", "Colour", "Wholesale", "Retail");
            for (int i = 0; i < perPage; i++) {
                int style = p * perPage + i;
                float top = 140 + i * 100;
                sheet.picture(pdf.picture(new Color(40 + style % 200, 255 - style % 200, (style * 37) % 256), 48), 50, top - 10, 80, 80);
                sheet.row(top, SHEET_COLUMNS, "ST-" + (style + 1), "Style " + (style + 1), "Colour " + (style + 1),
                        (style + 20) + ".00", (style + 50) + ".00");
            }
            sheet.text(270, 810, "Page " + (p + 1) + " of " + pages);
        }
        return pdf.bytes();
    }

    // --- what the page shows, and what the server says

    /** Drops the file on the drop zone as a browser does: a drop event carrying it. */
    private void drop(byte[] bytes, String name, String type) {
        page.waitFor(d -> d.findElement(By.id("doc-drop")).isDisplayed());
        page.script("const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
                + " const dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[1], {type: arguments[2]}));"
                + " document.getElementById('doc-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                Base64.getEncoder().encodeToString(bytes), name, type);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private WebElement mappingSelect(String field) {
        return page.waitFor(d -> d.findElement(By.cssSelector("#doc-mapping-rows tr[data-field='" + field + "'] select")));
    }

    /** The column chosen for a field, as the select's value ("" for none). */
    private String columnOf(String field) {
        return page.waitFor(d -> mappingSelect(field).getDomProperty("value"));
    }

    private String sure(String field) {
        return page.waitFor(d -> d.findElement(By.cssSelector("#doc-mapping-rows tr[data-field='" + field + "'] td.sure")).getText());
    }

    private List<String> previewSkus() {
        return browser.findElements(By.cssSelector("#doc-preview-rows tr[data-sku]")).stream()
                .map(r -> r.getDomAttribute("data-sku")).toList();
    }

    private String previewCell(String sku, String col) {
        return page.waitFor(d -> d.findElement(By.cssSelector("#doc-preview-rows tr[data-sku='" + sku + "'] td[data-col='" + col + "']")).getText());
    }

    private String refusal(byte[] bytes, String type) {
        Api.Reply r = api.call(new Request.Builder().url(server.baseUrl() + "/api/refused/documents?filename=photo.png")
                .post(RequestBody.create(bytes, MediaType.get(type))));
        assertThat(r.status()).as(r.toString()).isEqualTo(415);
        return r.json().at("/error/message").asText();
    }

    private long idOf(String collection, String sku) {
        for (JsonNode p : api.products(collection)) if (sku.equals(p.get("sku").asText())) return p.get("id").asLong();
        throw new AssertionError("no product " + sku);
    }
}
