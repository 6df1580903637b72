package dev.wipflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.wip.DomainException;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** Supplier PDFs as their systems print them, written here with PDFBox, read back into tables and pictures. */
class PdfReaderTest {
    private static final float[] PO_COLUMNS = PurchaseOrders.COLUMNS;
    private static final Color[] STYLE_COLOURS = {
            new Color(0x11, 0x22, 0xCC), new Color(0x22, 0xAA, 0x33), new Color(0xEE, 0xCC, 0x11),
            new Color(0x88, 0x11, 0x99), new Color(0x11, 0x99, 0x99), new Color(0x55, 0x33, 0x11)};
    private final PdfReader reader = new PdfReader(PdfLimits.DEFAULT, Clock.systemUTC());

    @Test
    void a_one_page_purchase_order_reads_as_its_columns() {
        byte[] order = PurchaseOrders.onePage();

        PdfDocument read = reader.read(order);

        assertThat(read.tables()).hasSize(1);
        RawTable table = read.tables().get(0).table();
        assertThat(table.name()).isEqualTo("page 1");
        assertThat(table.rows()).containsExactly(
                List.of("Item #", "Description", "Qty", "Unit cost", "Amount"),
                List.of("BM-100", "Basin mixer chrome", "4", "42.50", "170.00"),
                List.of("WC-200", "Wall-hung toilet", "2", "189.00", "378.00"),
                List.of("SH-300", "Shower head 250 mm with anti-lime nozzles", "6", "31.00", "186.00"),
                List.of("TR-400", "Towel rail", "10", "50.00", "500.00"),
                List.of("", "", "", "Total", "1,234.00"));
        assertThat(read.tables().get(0).images()).isEmpty();
    }

    @Test
    void a_header_printed_on_two_lines_is_one_row_of_labels() {
        PdfMaker pdf = new PdfMaker();
        PdfMaker.Page page = pdf.page().row(100, PO_COLUMNS, "Art.-Nr.", "Bezeichnung", "Menge", "Einzel-", "Unit");
        page.row(111, PO_COLUMNS, "", "", "", "preis", "cost");
        poLine(page, 130, "4711-01", "Waschtischarmatur", "3", "42,50", "127,50");

        RawTable table = reader.read(pdf.bytes()).rawTables().get(0);

        assertThat(table.rows()).containsExactly(List.of("Art.-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Unit cost"),
                List.of("4711-01", "Waschtischarmatur", "3", "42,50", "127,50"));
    }

    @Test
    void a_header_of_sizes_is_still_the_header() {
        PdfMaker pdf = new PdfMaker();
        float[] columns = {50, 120, 260, 340, 380, 420, 460};
        PdfMaker.Page page = pdf.page().row(100, columns, "Style", "Name", "Colour", "36", "38", "40", "42");
        page.row(120, columns, "LN-01", "Linen shirt", "White", "2", "4", "4", "2");
        page.row(135, columns, "LN-02", "Linen trousers", "Sand", "1", "3", "3", "1");

        RawTable table = reader.read(pdf.bytes()).rawTables().get(0);

        assertThat(table.rows()).containsExactly(List.of("Style", "Name", "Colour", "36", "38", "40", "42"),
                List.of("LN-01", "Linen shirt", "White", "2", "4", "4", "2"),
                List.of("LN-02", "Linen trousers", "Sand", "1", "3", "3", "1"));
    }

    @Test
    void a_three_page_order_is_one_table_without_its_repeated_headers_and_page_footers() {
        byte[] pdf = threePageOrder();

        PdfDocument read = reader.read(pdf);

        assertThat(read.tables()).hasSize(1);
        RawTable table = read.tables().get(0).table();
        assertThat(table.name()).isEqualTo("pages 1–3");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Item #", "Description", "Qty", "Unit cost", "Amount"));
        for (int i = 1; i <= 9; i++) expected.add(List.of("A-" + (100 + i), "Article " + i, String.valueOf(i), "10.00", i + "0.00"));
        expected.add(List.of("", "", "", "Subtotal", "450.00"));
        expected.add(List.of("", "", "", "VAT 20%", "90.00"));
        expected.add(List.of("", "", "", "Total", "540.00"));
        assertThat(table.rows()).containsExactlyElementsOf(expected);
    }

    @Test
    void a_linesheet_gives_each_style_the_picture_beside_it_and_drops_the_logo_and_icons() {
        PdfDocument read = reader.read(linesheet());

        assertThat(read.tables()).hasSize(1);
        PdfTable table = read.tables().get(0);
        assertThat(table.table().rows()).hasSize(7);
        assertThat(table.table().rows().get(3)).containsExactly("ST-3", "Style 3", "Colour 3", "22.00", "52.00");
        assertThat(table.images().keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        for (int style = 0; style < 6; style++) {
            List<DocumentImage> images = table.images().get(style + 1);
            assertThat(images).as("style %d", style + 1).hasSize(1);
            assertThat(images.get(0).contentType()).isEqualTo("image/png");
            assertThat(images.get(0).width()).isEqualTo(64);
            assertThat(colour(images.get(0))).as("style %d", style + 1).isEqualTo(STYLE_COLOURS[style].getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void a_picture_printed_above_its_line_goes_to_that_line() {
        PdfMaker pdf = new PdfMaker();
        float[] columns = {50, 130, 330, 420};
        PdfMaker.Page page = pdf.page().row(80, columns, "Style No", "Name", "Colour", "Wholesale");
        for (int i = 0; i < 3; i++) {
            float top = 200 + i * 130;
            page.picture(pdf.picture(STYLE_COLOURS[i], 50), 50, top - 105, 90, 90)
                    .row(top, columns, "LS-" + i, "Look " + i, "Colour " + i, "3" + i + ".00");
        }

        PdfTable table = reader.read(pdf.bytes()).tables().get(0);

        assertThat(table.table().rows()).extracting(r -> r.get(0)).containsExactly("Style No", "LS-0", "LS-1", "LS-2");
        for (int i = 0; i < 3; i++) {
            assertThat(table.images().get(i + 1)).hasSize(1);
            assertThat(colour(table.images().get(i + 1).get(0))).isEqualTo(STYLE_COLOURS[i].getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void a_table_goes_on_over_a_page_that_does_not_repeat_its_header() {
        PdfMaker pdf = new PdfMaker();
        PdfMaker.Page first = pdf.page().row(100, PO_COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount");
        poLine(first, 120, "A-1", "First article", "1", "5.00", "5.00");
        poLine(pdf.page(), 60, "A-2", "Second article", "2", "5.00", "10.00");

        RawTable table = reader.read(pdf.bytes()).rawTables().get(0);

        assertThat(table.name()).isEqualTo("pages 1–2");
        assertThat(table.rows()).containsExactly(List.of("Item #", "Description", "Qty", "Unit cost", "Amount"),
                List.of("A-1", "First article", "1", "5.00", "5.00"), List.of("A-2", "Second article", "2", "5.00", "10.00"));
    }

    @Test
    void pages_read_so_far_can_be_kept_as_json_between_calls() throws Exception {
        byte[] pdf = linesheet();
        PdfPages pages = reader.readPages(pdf, 1, null);

        String kept = dev.wipflow.json.Json.MAPPER.writeValueAsString(pages);
        PdfPages back = dev.wipflow.json.Json.MAPPER.readValue(kept, PdfPages.class);

        assertThat(kept).doesNotContain("digest").doesNotContain("bottom");
        assertThat(back.done()).isTrue();
        PdfTable again = PdfTables.of(back.pages()).tables().get(0);
        PdfTable direct = reader.read(pdf).tables().get(0);
        assertThat(again.table()).isEqualTo(direct.table());
        assertThat(again.images()).hasSize(6);
        for (int row = 1; row <= 6; row++) {
            assertThat(again.images().get(row).get(0).bytes()).isEqualTo(direct.images().get(row).get(0).bytes());
        }
    }

    @Test
    void a_scanned_page_with_no_text_is_refused_as_unreadable_text() {
        PdfMaker pdf = new PdfMaker();
        pdf.page().picture(pdf.picture(Color.LIGHT_GRAY, 400), 20, 20, 555, 800);

        assertThatThrownBy(() -> reader.read(pdf.bytes())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.code()).isEqualTo("pdf_no_text");
            assertThat(e.getMessage()).contains("no text").contains("scanned");
        });
    }

    @Test
    void a_pdf_that_needs_a_password_is_refused() {
        PdfMaker pdf = new PdfMaker();
        pdf.page().row(100, PO_COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount")
                .row(120, PO_COLUMNS, "A-1", "Secret article", "1", "1.00", "1.00");

        assertThatThrownBy(() -> reader.read(pdf.encrypted("s3cret"))).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.code()).isEqualTo("pdf_encrypted");
            assertThat(e.getMessage()).contains("password");
        });
    }

    @Test
    void a_corrupt_file_is_bad_input() {
        byte[] garbage = "%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(threePageOrder(), 300);

        for (byte[] corrupt : List.of(garbage, truncated)) {
            assertThat(PdfReader.isPdf(corrupt)).isTrue();
            assertThatThrownBy(() -> reader.read(corrupt)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_INPUT);
                assertThat(e.code()).isEqualTo("pdf_unreadable");
            });
        }
    }

    @Test
    void too_large_or_too_many_pages_is_refused_before_reading() {
        byte[] pdf = threePageOrder();

        assertThatThrownBy(() -> new PdfReader(new PdfLimits(pdf.length - 1, 500, 1_000_000, 1_000_000), Clock.systemUTC()).read(pdf))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE);
                    assertThat(e.code()).isEqualTo("pdf_too_large");
                });
        assertThatThrownBy(() -> new PdfReader(new PdfLimits(20_000_000, 2, 1_000_000, 1_000_000), Clock.systemUTC()).read(pdf))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE);
                    assertThat(e.code()).isEqualTo("pdf_too_many_pages");
                    assertThat(e.details()).containsEntry("pages", 3);
                });
    }

    @Test
    void a_picture_too_large_to_decode_is_left_out_and_the_text_still_read() {
        PdfReader small = new PdfReader(new PdfLimits(20_000_000, 500, 64 * 64 - 1, 64_000_000), Clock.systemUTC());

        PdfTable table = small.read(linesheet()).tables().get(0);

        assertThat(table.table().rows()).hasSize(7);
        assertThat(table.images()).isEmpty();
    }

    @Test
    void only_pdf_bytes_are_taken_for_a_pdf() {
        assertThat(PdfReader.isPdf(threePageOrder())).isTrue();
        assertThat(PdfReader.isPdf("sku,url\nA,https://x.example/a\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(PdfReader.isPdf(new byte[] {'P', 'K', 3, 4})).isFalse();
        assertThat(PdfReader.isPdf(new byte[0])).isFalse();
    }

    @Test
    void a_long_document_is_read_in_two_calls_that_go_on_where_the_first_stopped() {
        PdfMaker pdf = new PdfMaker();
        for (int p = 1; p <= 12; p++) {
            PdfMaker.Page page = pdf.page().text(50, 50, "Acme Bathware Ltd");
            page.row(100, PO_COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount");
            for (int i = 0; i < 20; i++) poLine(page, 120 + i * 15, "L-" + p + "-" + i, "Long item " + i, "1", "2.00", "2.00");
            page.text(270, 810, "Page " + p + " of 12");
        }
        byte[] bytes = pdf.bytes();
        TickingClock clock = new TickingClock();
        PdfReader timed = new PdfReader(PdfLimits.DEFAULT, clock);

        PdfPages first = timed.readPages(bytes, 1, clock.start.plusSeconds(5));
        PdfPages rest = timed.readPages(bytes, first.nextPage(), null);

        assertThat(first.done()).isFalse();
        assertThat(first.pageCount()).isEqualTo(12);
        assertThat(first.nextPage()).isBetween(2, 12);
        assertThat(first.pages()).extracting(PdfPage::number).first().isEqualTo(1);
        assertThat(rest.done()).isTrue();
        assertThat(rest.firstPage()).isEqualTo(first.nextPage());
        List<PdfPage> all = new ArrayList<>(first.pages());
        all.addAll(rest.pages());
        assertThat(all).extracting(PdfPage::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        PdfDocument inTwo = PdfTables.of(all);
        assertThat(inTwo.rawTables()).hasSize(1);
        List<List<String>> rows = inTwo.rawTables().get(0).rows();
        assertThat(rows).hasSize(1 + 12 * 20);
        assertThat(rows.get(1)).containsExactly("L-1-0", "Long item 0", "1", "2.00", "2.00");
        assertThat(rows.get(rows.size() - 1)).containsExactly("L-12-19", "Long item 19", "1", "2.00", "2.00");
        assertThat(inTwo.rawTables()).isEqualTo(reader.read(bytes).rawTables());
    }

    @Test
    void a_page_asked_for_that_the_pdf_does_not_have_is_invalid() {
        assertThatThrownBy(() -> reader.readPages(threePageOrder(), 4, null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    }

    /**
     * Two pages of three styles, each with its picture to the left of its line (and a small "new" badge by the
     * third); the supplier's logo at the top of both pages.
     */
    static byte[] linesheet() {
        PdfMaker pdf = new PdfMaker();
        PDImageXObject logo = pdf.picture(Color.RED, 120);
        PDImageXObject badge = pdf.picture(Color.BLACK, 16);
        float[] columns = {150, 220, 340, 420, 490};
        for (int p = 0; p < 2; p++) {
            PdfMaker.Page page = pdf.page().picture(logo, 440, 20, 110, 45).text(50, 50, 14, "Spring linesheet 2027");
            page.row(100, columns, "Style", "Name", "Colour", "Wholesale", "Retail");
            for (int i = 0; i < 3; i++) {
                int style = p * 3 + i;
                float top = 140 + i * 100;
                page.picture(pdf.picture(STYLE_COLOURS[style], 64), 50, top - 10, 80, 80);
                page.row(top, columns, "ST-" + (style + 1), "Style " + (style + 1), "Colour " + (style + 1),
                        (style + 20) + ".00", (style + 50) + ".00");
                if (style == 2) page.picture(badge, 130, top - 8, 12, 12);
            }
        }
        return pdf.bytes();
    }

    static byte[] threePageOrder() {
        return PurchaseOrders.threePages();
    }

    private static void poLine(PdfMaker.Page page, float top, String code, String description, String qty, String cost,
                               String amount) {
        PurchaseOrders.line(page, top, code, description, qty, cost, amount);
    }

    private static int colour(DocumentImage image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image.bytes())).getRGB(10, 10) & 0xFFFFFF;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock a second later each time it is read: a slow machine, so a deadline falls between pages. */
    private static final class TickingClock extends Clock {
        final Instant start = Instant.parse("2026-12-01T10:00:00Z");
        private int reads;

        @Override
        public Instant instant() {
            return start.plusSeconds(reads++);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
