package dev.wipflow.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pictures show products, and beside which row each is printed. A picture drawn on two pages or more is the
 * supplier's logo or a page decoration; the others go to the row in the same vertical band (the most overlap), or
 * else to the row just below (a linesheet's picture above its text block), or else the row just above.
 */
final class PictureMatcher {
    /** How far from its row's text a picture may be, in its own heights, when it shares no band with any row. */
    static final float REACH = 1.5f;

    private PictureMatcher() {
    }

    /** The pictures of each page that may be a product's, top to bottom and left to right. */
    static Map<Integer, List<PdfPicture>> productPictures(List<PdfPage> pages) {
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        for (PdfPage page : pages) {
            for (PdfPicture p : page.pictures()) pagesOf.computeIfAbsent(p.image().digest(), k -> new HashSet<>()).add(page.number());
        }
        Map<Integer, List<PdfPicture>> out = new LinkedHashMap<>();
        for (PdfPage page : pages) {
            List<PdfPicture> kept = new ArrayList<>();
            for (PdfPicture p : page.pictures()) {
                if (pagesOf.get(p.image().digest()).size() < 2) kept.add(p);
            }
            kept.sort(Comparator.comparingDouble(PdfPicture::top).thenComparingDouble(PdfPicture::left));
            out.put(page.number(), kept);
        }
        return out;
    }

    /** For each picture, the index of its band ({@code {top, bottom}} of a row), or -1 for none near. */
    static List<Integer> match(List<PdfPicture> pictures, List<float[]> bands) {
        List<Integer> out = new ArrayList<>();
        for (PdfPicture p : pictures) out.add(band(p, bands));
        return out;
    }

    private static int band(PdfPicture p, List<float[]> bands) {
        int best = -1;
        float bestOverlap = 0;
        float bestDistance = Float.MAX_VALUE;
        float centre = p.top() + p.height() / 2;
        for (int i = 0; i < bands.size(); i++) {
            float[] b = bands.get(i);
            float overlap = Math.min(p.bottom(), b[1]) - Math.max(p.top(), b[0]);
            float distance = Math.abs(centre - (b[0] + b[1]) / 2);
            if (overlap > bestOverlap || overlap > 0 && overlap == bestOverlap && distance < bestDistance) {
                best = i;
                bestOverlap = overlap;
                bestDistance = distance;
            }
        }
        if (best >= 0) return best;
        int below = -1;
        int above = -1;
        for (int i = 0; i < bands.size(); i++) {
            float[] b = bands.get(i);
            if (b[0] >= p.bottom() && b[0] - p.bottom() <= p.height() * REACH && (below < 0 || b[0] < bands.get(below)[0])) below = i;
            if (b[1] <= p.top() && p.top() - b[1] <= p.height() * REACH && (above < 0 || b[1] > bands.get(above)[1])) above = i;
        }
        return below >= 0 ? below : above;
    }
}
