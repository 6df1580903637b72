package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Every sheet of an XLSX workbook, read with POI's streaming (SAX) reader: the sheets' XML is never built into a
 * tree. Cell styles are not read (they would load XMLBeans' schema classes, megabytes of a small heap), so a number
 * is its stored value written out plainly (an EAN stays 13 digits, a price {@code 41.5}) and a date its serial number.
 *
 * <p>POI's own guards against hostile files are process-wide settings, set before the first workbook is opened (not
 * when wipflow starts: loading POI then would cost every cold start): a part that inflates more than 100 times its
 * compressed size or beyond 100 MB is a zip bomb, and no single allocation may exceed 30 MB. POI's XML parsers refuse
 * DTDs and external entities.
 */
public final class XlsxTableReader implements TableReader {
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_PART_BYTES = 100_000_000;
    static final int MAX_ALLOCATION = 30_000_000;
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?E[+-]?\\d+$|^-?\\d+\\.0+$");

    /** POI's guards, set once when this class is first initialised: before any workbook is opened. */
    private static final class Guards {
        static {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
            ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
            IOUtils.setByteArrayMaxOverride(MAX_ALLOCATION);
        }

        static void set() {
            // the static initialiser has run
        }
    }

    /**
     * Opened from a temporary file, not from memory: POI then reads the zip with random access and inflates each
     * sheet as the SAX parser asks for it, where a package opened from a stream holds every part inflated.
     */
    @Override
    public List<RawTable> read(byte[] document, DocumentLimits limits) {
        Path file = null;
        try {
            file = Files.createTempFile("wipflow-document-", ".xlsx");
            Files.write(file, document);
            return read(file, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the document in a temporary file", e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    private List<RawTable> read(Path file, DocumentLimits limits) {
        Guards.set();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            List<RawTable> tables = new ArrayList<>();
            int[] rowsRead = {0};
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    Rows rows = new Rows(limits, rowsRead);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(null, null, strings, rows, new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                    tables.add(new RawTable(sheets.getSheetName(), rows.rows));
                }
            }
            return tables;
        } catch (DomainException refused) {
            throw refused;
        } catch (Exception e) {
            throw unreadable(e);
        }
    }

    private static DomainException unreadable(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) return d;
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("max text size") || m.contains("ByteArrayMaxOverride") || m.contains("MaxOverride")) {
                return DomainException.tooLarge("document_too_large", "the workbook inflates far beyond its size"
                        + " (a zip bomb) or holds a part too large to read", Map.of());
            }
        }
        return DomainException.badInput("the XLSX cannot be read (" + e.getClass().getSimpleName()
                + (message.equals("null") ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message))
                + "); save it again from the spreadsheet program, or send it as CSV");
    }

    /** {@code AB12} → 27. */
    static int column(String cellReference) {
        int col = 0;
        for (int i = 0; i < cellReference.length(); i++) {
            char c = cellReference.charAt(i);
            if (c < 'A' || c > 'Z') break;
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    /**
     * A number as some writers store it ({@code 4.006381333931E12}, {@code 12.0}) written plainly
     * ({@code 4006381333931}, {@code 12}); any other text as it is (a SKU {@code 0012} keeps its zeros).
     */
    static String plain(String value) {
        if (!NUMBER.matcher(value).matches()) return value;
        String out = new BigDecimal(value).stripTrailingZeros().toPlainString();
        return out.length() > 40 ? value : out;
    }

    /** One sheet's rows, gaps kept as empty rows so that row numbers are the sheet's own. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final DocumentLimits limits;
        private final int[] rowsRead;
        private final List<List<String>> rows = new ArrayList<>();
        private String[] current;
        private int width;

        Rows(DocumentLimits limits, int[] rowsRead) {
            this.limits = limits;
            this.rowsRead = rowsRead;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= limits.maxRows() || rowsRead[0] + rowNum - rows.size() >= limits.maxRows()) {
                throw Limits.tooManyRows(limits);
            }
            while (rows.size() < rowNum) {
                rows.add(List.of());
                rowsRead[0]++;
            }
            current = new String[Math.min(16, limits.maxColumns())];
            width = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(Limits.row(Arrays.asList(current).subList(0, width), limits));
            rowsRead[0]++;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null || formattedValue == null) return;
            int col = column(cellReference);
            if (col < 0 || col >= limits.maxColumns()) return;
            if (col >= current.length) current = Arrays.copyOf(current, Math.min(limits.maxColumns(), Math.max(col + 1, current.length * 2)));
            current[col] = plain(formattedValue);
            width = Math.max(width, col + 1);
        }
    }
}
