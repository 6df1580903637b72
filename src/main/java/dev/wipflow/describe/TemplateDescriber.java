package dev.wipflow.describe;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/** Deterministic descriptions from the extracted fields: the embedded default, and {@code fast_mode}'s describer. */
public final class TemplateDescriber implements Describer {
    private static final int MAX_FEATURES = 8;

    @Override
    public Descriptions describe(ProductFields f, RunContext ctx) {
        Element body = new Element(Tag.valueOf("div"), "");
        String intro = intro(f);
        if (!intro.isEmpty()) body.appendElement("p").text(intro);
        if (f.description() != null && !f.description().isBlank()) {
            for (String para : f.description().strip().split("\\n\\s*\\n")) {
                body.appendElement("p").text(para.strip().replaceAll("\\s+", " "));
            }
        }
        List<String> features = features(f);
        if (!features.isEmpty()) {
            Element ul = body.appendElement("ul");
            features.forEach(x -> ul.appendElement("li").text(x));
        }
        return new Descriptions(body.html(), features, care(f));
    }

    @Override
    public String name() {
        return "template";
    }

    private static String intro(ProductFields f) {
        if (f.title() == null) return "";
        StringBuilder s = new StringBuilder(f.title().strip());
        if (f.brand() != null && !f.title().toLowerCase(Locale.ROOT).contains(f.brand().toLowerCase(Locale.ROOT))) {
            s.append(" by ").append(f.brand().strip());
        }
        if (!f.category().isEmpty()) s.append(", from our ").append(f.category().get(f.category().size() - 1)).append(" range");
        return s.append('.').toString();
    }

    private static List<String> features(ProductFields f) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : f.specs().entrySet()) {
            if (out.size() == MAX_FEATURES) break;
            out.add(e.getKey().strip() + ": " + e.getValue().strip());
        }
        return out;
    }

    private static String care(ProductFields f) {
        String material = f.specs().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).matches(".*(material|finish|werkstoff|matériau).*"))
                .map(e -> e.getValue().toLowerCase(Locale.ROOT)).findFirst().orElse("");
        if (material.contains("stainless") || material.contains("steel")) {
            return "Wipe with a soft cloth and mild soapy water; dry after use. Avoid abrasive pads and chlorine bleach.";
        }
        if (material.contains("granite") || material.contains("composite") || material.contains("quartz")) {
            return "Clean with warm water and a mild detergent; rinse and dry. Avoid strong acids and scouring powder.";
        }
        if (material.contains("ceramic") || material.contains("fireclay") || material.contains("porcelain")) {
            return "Clean with a non-abrasive cleaner and a soft sponge. Do not drop heavy or sharp objects into it.";
        }
        return "Clean with a soft damp cloth and mild detergent. Follow the manufacturer's care instructions.";
    }
}
