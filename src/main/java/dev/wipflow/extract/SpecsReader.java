package dev.wipflow.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Name → value pairs from the product's spec tables and definition lists. A table row is a {@code th} and a
 * {@code td}, two cells, or — specs laid out in two columns, as marketplaces show an item's specifics — pairs of
 * cells side by side, each label a {@code th} or ending in a colon ({@code Brand: | Duracell | Type: | CR2032}).
 */
final class SpecsReader {
    private static final int MAX_ROWS = 80;

    private SpecsReader() {
    }

    static Map<String, String> read(ProductScope scope) {
        FieldsBuilder b = new FieldsBuilder();
        Element area = scope.main();
        for (Element table : area.select("table")) {
            if (scope.isAside(table) || table.selectFirst("table table") != null) continue;
            int rows = 0;
            for (Element tr : table.select("tr")) {
                if (++rows > MAX_ROWS) break;
                Element th = tr.selectFirst("> th");
                var tds = tr.select("> td");
                if (th != null && tds.size() == 1) b.spec(th.text(), tds.get(0).text());
                else if (th == null && tds.size() == 2) b.spec(tds.get(0).text(), tds.get(1).text());
                else pairs(tr.select("> th, > td"), b);
            }
        }
        for (Element dl : area.select("dl")) {
            if (scope.isAside(dl)) continue;
            Element dt = null;
            for (Element child : dl.select("> dt, > dd, > div > dt, > div > dd")) {
                if (child.normalName().equals("dt")) dt = child;
                else if (dt != null) {
                    b.spec(dt.text(), child.text());
                    dt = null;
                }
            }
        }
        return new LinkedHashMap<>(b.specs);
    }

    /** A row of label, value, label, value… cells; any other row (a price grid, a size chart) gives nothing. */
    private static void pairs(List<Element> cells, FieldsBuilder b) {
        if (cells.size() < 4 || cells.size() % 2 != 0) return;
        for (int i = 0; i < cells.size(); i += 2) {
            Element label = cells.get(i);
            boolean marked = label.normalName().equals("th") || label.text().strip().endsWith(":");
            if (!marked || cells.get(i + 1).normalName().equals("th")) return;
        }
        for (int i = 0; i < cells.size(); i += 2) b.spec(cells.get(i).text(), cells.get(i + 1).text());
    }
}
