package dev.wipflow.document;

/** A word as printed on a page: its text, its left and right edges and its baseline, in points from the top left. */
public record PdfWord(String text, float left, float right, float baseline, float size) {
}
