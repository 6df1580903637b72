package dev.wipflow.document;

import dev.wipflow.store.DocumentImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps the pictures of a document read from a PDF, and says which numbers the rows' pictures got. */
public final class DocumentPictures {
    private final DocumentImages images;

    public DocumentPictures(DocumentImages images) {
        this.images = images;
    }

    /** A picture's place in the document: the table, the row in its {@code rows()}, and its number. */
    public record Numbered(int table, int row, int n) {
    }

    /**
     * Stores the document's pictures (replacing any it had) and answers their numbers, table by table and row by
     * row, for {@code GET /api/{c}/documents/{id}/images/{n}}.
     */
    public List<Numbered> save(String collection, long documentId, PdfDocument document) {
        List<DocumentImages.Picture> pictures = new ArrayList<>();
        List<Numbered> numbers = new ArrayList<>();
        for (int t = 0; t < document.tables().size(); t++) {
            Map<Integer, List<DocumentImage>> byRow = new TreeMap<>(document.tables().get(t).images());
            for (Map.Entry<Integer, List<DocumentImage>> row : byRow.entrySet()) {
                for (DocumentImage image : row.getValue()) {
                    pictures.add(new DocumentImages.Picture(t, row.getKey(), image.contentType(), image.width(),
                            image.height(), image.bytes()));
                    numbers.add(new Numbered(t, row.getKey(), pictures.size()));
                }
            }
        }
        images.replace(collection, documentId, pictures);
        return numbers;
    }
}
