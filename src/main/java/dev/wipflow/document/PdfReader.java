package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a supplier's text PDF (a purchase order, a linesheet) with PDFBox: each page's words and pictures with
 * their places, which {@link PdfTables} lays back into tables. A PDF is never trusted: its size and pages are
 * limited, and one that cannot be read is a clear refusal ({@link DomainException}), never a server error.
 */
public final class PdfReader {
    /** Pages read even past the deadline on a first call, looking for text, before calling a PDF scanned. */
    static final int PAGES_TO_FIND_TEXT = 3;

    private final PdfLimits limits;
    private final Clock clock;

    public PdfReader(PdfLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether the bytes are a PDF: {@code %PDF-} in the first kilobyte, where readers look for it. */
    public static boolean isPdf(byte[] bytes) {
        int end = Math.min(bytes.length, 1024) - 5;
        for (int i = 0; i <= end; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** The whole PDF as tables, with the pictures beside their rows. */
    public PdfDocument read(byte[] pdf) {
        return PdfTables.of(readPages(pdf, 1, null).pages());
    }

    /**
     * Reads from page {@code fromPage} (1-based) until the last page or until {@code deadline} has passed
     * ({@code null}: no deadline), one page at least, and says where it stopped. A scanned PDF (no text on the
     * first pages) is a 422 on the first call.
     */
    public PdfPages readPages(byte[] pdf, int fromPage, Instant deadline) {
        if (pdf.length > limits.maxBytes()) {
            throw DomainException.tooLarge("pdf_too_large", "the PDF is larger than " + limits.maxBytes() / 1_000_000
                    + " MB", Map.of("bytes", pdf.length, "max_bytes", limits.maxBytes()));
        }
        try (PDDocument document = open(pdf)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) throw unreadable("it has no pages");
            if (pageCount > limits.maxPages()) {
                throw DomainException.tooLarge("pdf_too_many_pages", "the PDF has " + pageCount + " pages; at most "
                        + limits.maxPages() + " are read", Map.of("pages", pageCount, "max_pages", limits.maxPages()));
            }
            if (fromPage < 1 || fromPage > pageCount) {
                throw DomainException.invalid("from_page must be a page of the PDF, 1 to " + pageCount,
                        Map.of("from_page", fromPage, "pages", pageCount));
            }
            Map<COSStream, DocumentImage> decoded = new HashMap<>();
            List<PdfPage> pages = new ArrayList<>();
            boolean text = false;
            int next = fromPage;
            while (next <= pageCount) {
                boolean lookingForText = fromPage == 1 && !text && next <= PAGES_TO_FIND_TEXT;
                if (!pages.isEmpty() && !lookingForText && deadline != null && !clock.instant().isBefore(deadline)) break;
                PdfPage page = new PdfPage(next, PageWords.of(document, next),
                        PageImages.of(document.getPage(next - 1), limits.maxPicturePixels(), decoded));
                text |= !page.words().isEmpty();
                pages.add(page);
                next++;
            }
            if (fromPage == 1 && !text) throw scanned(pageCount);
            return new PdfPages(pageCount, fromPage, next, pages);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refused) throw refused;
            throw unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private PDDocument open(byte[] pdf) throws IOException {
        try {
            return Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(limits.maxBufferBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new DomainException(DomainException.Kind.INVALID, "pdf_encrypted",
                    "the PDF is protected by a password; send it without the password (print it to a new PDF)", Map.of());
        }
    }

    private static DomainException scanned(int pages) {
        return new DomainException(DomainException.Kind.INVALID, "pdf_no_text", "the PDF has no text to read (it looks"
                + " scanned: its pages are pictures); send the supplier's original PDF, or a CSV or XLSX export",
                Map.of("pages", pages));
    }

    private static DomainException unreadable(String why) {
        String shown = why.length() > 200 ? why.substring(0, 200) + "…" : why;
        return new DomainException(DomainException.Kind.BAD_INPUT, "pdf_unreadable",
                "the file cannot be read as a PDF: " + shown, Map.of());
    }
}
