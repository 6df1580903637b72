package dev.wipflow.document;

import java.util.Locale;

/** The kinds of document wipflow reads, told apart by their first bytes, then by content type and file name. */
public enum DocumentFormat {
    XLSX, PDF, CSV;

    /** The format of a document, or {@code null} for one that is none of them (an old .xls, an image, a zip). */
    public static DocumentFormat detect(byte[] bytes, String contentType, String filename) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) return XLSX;
        if (PdfReader.isPdf(bytes)) return PDF;
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) return null; // the old binary Excel format
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (type.contains("spreadsheetml") || name.endsWith(".xlsx") || type.contains("pdf") || name.endsWith(".pdf")) {
            return null; // says XLSX or PDF but is not one
        }
        return looksLikeText(bytes) ? CSV : null;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        boolean utf16 = startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF);
        for (int i = 0; i < n && !utf16; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')) return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
