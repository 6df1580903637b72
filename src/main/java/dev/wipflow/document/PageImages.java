package dev.wipflow.document;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.util.Matrix;

/**
 * The pictures drawn on one page and where: PDFBox's graphics engine walks the page's content (forms included)
 * and reports each image with the transformation it is drawn with. JPEGs keep their own bytes; other pictures
 * are decoded and written as PNG. Pictures too small to be a product's, or too large to decode in memory, are skipped.
 */
final class PageImages extends PDFGraphicsStreamEngine {
    /** Fewer pixels on a side than this, or fewer points shown: an icon, a bullet or a rule, not a product. */
    static final int MIN_PIXELS = 32;
    static final float MIN_POINTS = 20;

    private final long maxPixels;
    private final Map<COSStream, DocumentImage> decoded;
    private final List<PdfPicture> pictures = new ArrayList<>();

    private PageImages(PDPage page, long maxPixels, Map<COSStream, DocumentImage> decoded) {
        super(page);
        this.maxPixels = maxPixels;
        this.decoded = decoded;
    }

    /** {@code decoded} is shared by the pages of one read, so a logo on every page is decoded once. */
    static List<PdfPicture> of(PDPage page, long maxPixels, Map<COSStream, DocumentImage> decoded) throws IOException {
        PageImages engine = new PageImages(page, maxPixels, decoded);
        engine.processPage(page);
        return engine.pictures;
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        if (!(image instanceof PDImageXObject xobject)) return; // inline images: small marks
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        float width = Math.abs(ctm.getScalingFactorX());
        float height = Math.abs(ctm.getScalingFactorY());
        if (width < MIN_POINTS || height < MIN_POINTS) return;
        if (xobject.getWidth() < MIN_PIXELS || xobject.getHeight() < MIN_PIXELS) return;
        DocumentImage picture = decoded.get(xobject.getCOSObject());
        if (picture == null) {
            try {
                picture = encode(xobject);
            } catch (IOException | RuntimeException e) {
                return; // a picture that will not decode is left out; the text is still read
            }
            if (picture == null) return;
            decoded.put(xobject.getCOSObject(), picture);
        }
        PDRectangle box = getPage().getCropBox();
        float left = Math.min(ctm.getTranslateX(), ctm.getTranslateX() + ctm.getScaleX()) - box.getLowerLeftX();
        float bottom = Math.min(ctm.getTranslateY(), ctm.getTranslateY() + ctm.getScaleY());
        float top = box.getUpperRightY() - (bottom + height);
        pictures.add(new PdfPicture(picture, left, top, width, height));
    }

    private DocumentImage encode(PDImageXObject xobject) throws IOException {
        if ("jpg".equals(xobject.getSuffix())) {
            try (InputStream in = xobject.createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
                return new DocumentImage(in.readAllBytes(), "image/jpeg", xobject.getWidth(), xobject.getHeight());
            }
        }
        if ((long) xobject.getWidth() * xobject.getHeight() > maxPixels) return null; // would not fit in memory decoded
        BufferedImage image = xobject.getImage();
        if (image == null) return null;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) return null;
        return new DocumentImage(png.toByteArray(), "image/png", image.getWidth(), image.getHeight());
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
