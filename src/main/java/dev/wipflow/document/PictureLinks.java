package dev.wipflow.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links of a document's pictures, for the sheet and the exports. A sheet's {@code IMAGE()} and a shop's import
 * cannot send the API token, and the token must never be written into a sheet: with {@code API_TOKEN} set, a link
 * carries {@code sig}, an HMAC-SHA256 of its path keyed with the token, which opens that one picture and no other.
 */
public final class PictureLinks {
    private final byte[] key;

    /** {@code token} is {@code API_TOKEN}, or {@code null} when the API is open (links carry no signature). */
    public PictureLinks(String token) {
        this.key = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The path of a picture, {@code /api/{c}/documents/{id}/images/{n}}, signed when the API needs a token. */
    public String path(String collection, long documentId, long n) {
        String path = "/api/" + URLEncoder.encode(collection, StandardCharsets.UTF_8) + "/documents/" + documentId + "/images/" + n;
        return key == null ? path : path + "?sig=" + signature(path);
    }

    /** Whether {@code sig} is this server's signature of {@code path}. */
    public boolean signed(String path, String sig) {
        if (key == null || sig == null || sig.isEmpty()) return false;
        return MessageDigest.isEqual(signature(path).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("wipflow picture " + path).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
