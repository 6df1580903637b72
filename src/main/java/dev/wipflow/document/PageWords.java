package dev.wipflow.document;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** The words of one page with their places, as PDFBox's text stripper finds them (it hands over one word at a time). */
final class PageWords extends PDFTextStripper {
    /** The size taken for text whose font declares none (a zero-size font scaled by its matrix). */
    static final float UNKNOWN_SIZE = 10;
    private final List<PdfWord> words = new ArrayList<>();

    private PageWords(int page) {
        setSortByPosition(true);
        setStartPage(page);
        setEndPage(page);
    }

    static List<PdfWord> of(PDDocument document, int page) throws IOException {
        PageWords stripper = new PageWords(page);
        stripper.writeText(document, Writer.nullWriter());
        return stripper.words;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        List<TextPosition> run = new ArrayList<>();
        for (TextPosition p : positions) {
            if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                add(run);
                run.clear();
            } else {
                run.add(p);
            }
        }
        add(run);
    }

    private void add(List<TextPosition> run) {
        if (run.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        float size = 0;
        for (TextPosition p : run) {
            text.append(p.getUnicode());
            size = Math.max(size, Math.max(p.getFontSizeInPt(), p.getHeightDir()));
        }
        TextPosition first = run.get(0);
        TextPosition last = run.get(run.size() - 1);
        words.add(new PdfWord(text.toString(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                first.getYDirAdj(), size > 0 ? size : UNKNOWN_SIZE));
    }
}
