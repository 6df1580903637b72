package dev.wipflow.document;

import dev.wipflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * How far a long PDF has been read over several calls: which PDF (its SHA-256), its pages, the next page to read,
 * and the pages read so far, their words and where each picture is drawn (the picture by its stored number, so
 * its bytes are kept once). Kept with the document, so the next call may go to any instance.
 */
public record PdfProgress(String pdf, int pageCount, int nextPage, List<Page> pages, Map<String, Long> numbers) {
    public PdfProgress {
        pages = List.copyOf(pages);
        numbers = Map.copyOf(numbers);
    }

    /** A page read: its words, and its pictures by stored number and place. */
    public record Page(int number, List<PdfWord> words, List<Shown> pictures) {
    }

    /** Picture {@code n} drawn at this place. */
    public record Shown(long n, float left, float top, float width, float height) {
    }

    /** A picture to store, first drawn on {@code page}, and the number it gets. */
    public record NewPicture(long n, int page, DocumentImage image) {
    }

    /** What these pages add: the progress after them and the pictures not stored yet (numbered after {@code lastN}). */
    public record Step(PdfProgress progress, List<NewPicture> pictures) {
    }

    /** The progress once {@code read} is added to this one ({@code null}: the first call), pictures numbered after {@code lastN}. */
    public static Step after(PdfProgress before, String pdf, PdfPages read, long lastN) {
        List<Page> pages = new ArrayList<>(before == null ? List.of() : before.pages);
        Map<String, Long> numbers = new LinkedHashMap<>(before == null ? Map.of() : before.numbers);
        List<NewPicture> added = new ArrayList<>();
        long n = lastN;
        for (PdfPage page : read.pages()) {
            List<Shown> shown = new ArrayList<>();
            for (PdfPicture p : page.pictures()) {
                String digest = p.image().digest();
                Long number = numbers.get(digest);
                if (number == null) {
                    number = ++n;
                    numbers.put(digest, number);
                    added.add(new NewPicture(number, page.number(), p.image()));
                }
                shown.add(new Shown(number, p.left(), p.top(), p.width(), p.height()));
            }
            pages.add(new Page(page.number(), page.words(), shown));
        }
        return new Step(new PdfProgress(pdf, read.pageCount(), read.nextPage(), pages, numbers), added);
    }

    /** The pages read so far, their pictures taken from {@code stored} by number. */
    public List<PdfPage> pages(LongFunction<DocumentImage> stored) {
        List<PdfPage> out = new ArrayList<>();
        for (Page page : pages) {
            List<PdfPicture> pictures = new ArrayList<>();
            for (Shown s : page.pictures()) {
                DocumentImage image = stored.apply(s.n());
                if (image != null) pictures.add(new PdfPicture(image, s.left(), s.top(), s.width(), s.height()));
            }
            out.add(new PdfPage(page.number(), page.words(), pictures));
        }
        return out;
    }

    public boolean done() {
        return nextPage > pageCount;
    }

    public byte[] bytes() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static PdfProgress of(byte[] bytes) {
        return Json.read(new String(bytes, StandardCharsets.UTF_8), PdfProgress.class);
    }
}
