package dev.wipflow.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the PDFs the tests read, with PDFBox as a supplier's system would print them: text at places given from
 * the top left of an A4 page, and pictures.
 */
public final class PdfMaker {
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private final PDDocument document = new PDDocument();
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final List<PDPageContentStream> open = new ArrayList<>();

    /** A new page, to write on. */
    public Page page() {
        try {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream content = new PDPageContentStream(document, page);
            open.add(content);
            return new Page(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture for {@link Page#picture}, one colour all over, {@code size} pixels square. */
    public PDImageXObject picture(Color colour, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, size, size);
        g.dispose();
        try {
            return LosslessFactory.createFromImage(document, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code image} as a picture for {@link Page#picture}, kept without loss. */
    public PDImageXObject lossless(BufferedImage image) {
        try {
            return LosslessFactory.createFromImage(document, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        return save(null);
    }

    /** The PDF protected by a password needed to open it. */
    public byte[] encrypted(String password) {
        return save(new StandardProtectionPolicy("owner-" + password, password, new AccessPermission()));
    }

    private byte[] save(StandardProtectionPolicy policy) {
        try (document) {
            for (PDPageContentStream c : open) c.close();
            if (policy != null) {
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Page {
        private final PDPageContentStream content;

        private Page(PDPageContentStream content) {
            this.content = content;
        }

        /** {@code text} in 10-point Helvetica, its baseline {@code top} points below the top of the page. */
        public Page text(float left, float top, String text) {
            return text(left, top, 10, text);
        }

        public Page text(float left, float top, float size, String text) {
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(left, HEIGHT - top);
                content.showText(text);
                content.endText();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code text} ending at {@code right}, as numbers are printed in a column. */
        public Page right(float right, float top, String text) {
            try {
                return text(right - font.getStringWidth(text) / 1000 * 10, top, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Cells printed from the given left edges, on one line. */
        public Page row(float top, float[] lefts, String... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isEmpty()) text(lefts[i], top, cells[i]);
            }
            return this;
        }

        /** The picture drawn {@code width} × {@code height} points, its top {@code top} points below the page's. */
        public Page picture(PDImageXObject picture, float left, float top, float width, float height) {
            try {
                content.drawImage(picture, left, HEIGHT - top - height, width, height);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
