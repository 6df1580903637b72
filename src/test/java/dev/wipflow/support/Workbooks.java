package dev.wipflow.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX documents written by the tests with POI: each sheet a name and rows; a cell that is a Number is a number cell. */
public final class Workbooks {
    private Workbooks() {
    }

    public record Tab(String name, List<List<Object>> rows) {
    }

    public static byte[] xlsx(Tab... tabs) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Tab tab : tabs) {
                Sheet sheet = wb.createSheet(tab.name());
                for (int r = 0; r < tab.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = tab.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) continue;
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                        else cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real workbook whose first sheet declares nested XML entities (a "billion laughs") and uses them in a cell. */
    public static byte[] entityBomb() {
        return rewriteSheet(xml -> {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY e0 \"lol\">");
            for (int i = 1; i <= 9; i++) dtd.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
            dtd.append("]>");
            int root = xml.indexOf("<worksheet");
            String withCell = xml.replace("<sheetData/>", "<sheetData></sheetData>")
                    .replaceFirst("<sheetData>", "<sheetData><row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>&e9;</t></is></c></row>");
            return (xml.substring(0, root) + dtd + withCell.substring(withCell.indexOf("<worksheet"))).getBytes(StandardCharsets.UTF_8);
        });
    }

    private static byte[] rewriteSheet(java.util.function.Function<String, byte[]> sheetXml) {
        byte[] plain = xlsx(new Tab("Sheet1", List.of(List.of("SKU", "URL"), List.of("A-1", "https://shop.example/a"))));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("xl/worksheets/sheet1.xml") ? sheetXml.apply(new String(content, StandardCharsets.UTF_8)) : content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real workbook whose first sheet's XML is padded with {@code padding} bytes of white space: it inflates ~1000 times. */
    public static byte[] zipBomb(long padding) {
        byte[] plain = xlsx(new Tab("Sheet1", List.of(List.of("SKU", "URL"), List.of("A-1", "https://shop.example/a"))));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < padding; written += spaces.length) out.write(spaces);
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
