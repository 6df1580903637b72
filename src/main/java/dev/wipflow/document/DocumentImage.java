package dev.wipflow.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A picture taken from a document: its encoded bytes ({@code image/jpeg} or {@code image/png}) and its size in pixels. */
public record DocumentImage(byte[] bytes, String contentType, int width, int height) {
    /** SHA-256 of the bytes: the same picture drawn on several pages has one digest. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
