package dev.wipflow.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/** Name → value pairs from the product's spec tables ({@code th}/{@code td} or two cells) and definition lists. */
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
}
