package dev.wipflow.document;

import java.util.List;

/** What one page of a PDF holds for wipflow: its words and its pictures, with their places. */
public record PdfPage(int number, List<PdfWord> words, List<PdfPicture> pictures) {
    public PdfPage {
        words = List.copyOf(words);
        pictures = List.copyOf(pictures);
    }
}
