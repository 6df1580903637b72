package dev.wipflow.document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What the values of one column look like, as shares of its non-empty cells (from a sample of data rows). */
record ColumnProfile(int filled, double urls, double images, double gtins, double gtinLike, double amounts,
                     double wholes, double identifiers, double distinct, double avgLength) {
    private static final Pattern IDENTIFIER = Pattern.compile("^(?=.*\\d)[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{1,39}$");

    static ColumnProfile of(List<List<String>> rows, int column) {
        int filled = 0, urls = 0, images = 0, gtins = 0, gtinLike = 0, amounts = 0, wholes = 0, ids = 0;
        long length = 0;
        Set<String> seen = new HashSet<>();
        for (List<String> row : rows) {
            String v = column < row.size() ? row.get(column) : "";
            if (v.isEmpty()) continue;
            filled++;
            length += v.length();
            seen.add(v);
            if (CellValues.isUrl(v)) urls++;
            if (CellValues.isImage(v)) images++;
            if (CellValues.looksLikeGtin(v)) gtinLike++;
            if (CellValues.isGtin(v)) gtins++;
            if (CellValues.isAmount(v)) amounts++;
            if (CellValues.isWhole(v)) wholes++;
            if (IDENTIFIER.matcher(v).matches()) ids++;
        }
        double n = Math.max(filled, 1);
        return new ColumnProfile(filled, urls / n, images / n, gtins / n, gtinLike / n, amounts / n, wholes / n, ids / n,
                seen.size() / n, length / n);
    }

    /**
     * How well the values fit {@code field}, from 0 to 1; 1 when the field has no check or the column is empty (a
     * header alone decides then).
     */
    double fit(String field) {
        if (filled == 0) return 1;
        return switch (field) {
            case "url" -> urls;
            case "image" -> urls;
            case "gtin" -> gtinLike;
            case "quantity" -> wholes;
            case "cost", "price" -> amounts;
            case "sku", "style", "mpn" -> (1 - urls) * (avgLength <= 40 ? 1 : 0.3);
            case "title", "description" -> 1 - Math.max(amounts, urls) * 0.8;
            default -> 1;
        };
    }
}
