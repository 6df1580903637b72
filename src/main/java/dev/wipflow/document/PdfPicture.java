package dev.wipflow.document;

/** A picture as drawn on a page: where (points from the top left) and how large it is shown. */
public record PdfPicture(DocumentImage image, float left, float top, float width, float height) {
    public float bottom() {
        return top + height;
    }
}
