package dev.wipflow.document;

/** Purchase orders as suppliers' systems print them, written with {@link PdfMaker} for the tests that read them. */
public final class PurchaseOrders {
    /** Where the order's columns start: Item #, Description, Qty, Unit cost, Amount. */
    public static final float[] COLUMNS = {50, 130, 330, 390, 470};

    private PurchaseOrders() {
    }

    /** One page: a title block, four articles (one description wrapped onto a second line), a total and a footer. */
    public static byte[] onePage() {
        PdfMaker pdf = new PdfMaker();
        PdfMaker.Page page = pdf.page()
                .text(50, 60, 16, "PURCHASE ORDER")
                .text(50, 85, "Acme Bathware Ltd").text(400, 85, "PO 4711")
                .text(400, 100, "Date: 2026-11-30");
        page.row(140, COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount");
        line(page, 160, "BM-100", "Basin mixer chrome", "4", "42.50", "170.00");
        line(page, 175, "WC-200", "Wall-hung toilet", "2", "189.00", "378.00");
        line(page, 190, "SH-300", "Shower head 250 mm with", "6", "31.00", "186.00");
        page.text(130, 202, "anti-lime nozzles");
        line(page, 220, "TR-400", "Towel rail", "10", "50.00", "500.00");
        page.text(390, 250, "Total").right(520, 250, "1,234.00");
        page.text(50, 800, "Thank you for your business");
        return pdf.bytes();
    }

    /** Three pages of nine articles, each with the letterhead, the column header and "Page n of 3"; totals at the end. */
    public static byte[] threePages() {
        PdfMaker pdf = new PdfMaker();
        for (int p = 0; p < 3; p++) {
            PdfMaker.Page page = pdf.page().text(50, 40, 14, "Acme Bathware Ltd");
            if (p == 0) page.text(50, 60, "Purchase order 4711").text(400, 60, "Delivery: 2026-12-15");
            page.row(100, COLUMNS, "Item #", "Description", "Qty", "Unit cost", "Amount");
            for (int i = 1; i <= 3; i++) {
                int n = p * 3 + i;
                line(page, 105 + i * 16, "A-" + (100 + n), "Article " + n, String.valueOf(n), "10.00", n + "0.00");
            }
            if (p == 2) {
                page.text(390, 200, "Subtotal").right(520, 200, "450.00");
                page.text(390, 215, "VAT 20%").right(520, 215, "90.00");
                page.text(390, 230, "Total").right(520, 230, "540.00");
            }
            page.text(270, 810, "Page " + (p + 1) + " of 3");
        }
        return pdf.bytes();
    }

    /** An order line: code and description from the left, the numbers right-aligned in their columns. */
    public static void line(PdfMaker.Page page, float top, String code, String description, String qty, String cost,
                            String amount) {
        page.text(50, top, code).text(130, top, description).right(350, top, qty).right(440, top, cost).right(520, top, amount);
    }
}
