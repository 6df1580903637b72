package dev.wipflow.extract;

/** A fetched HTML page: where it was asked for, where it ended after redirects, and its decoded text. */
public record Page(String requestedUrl, String finalUrl, int status, String contentType, String html) {
}
