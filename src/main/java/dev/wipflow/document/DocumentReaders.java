package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a spreadsheet's reader, by its first bytes (then content type and file name). A PDF is told apart by
 * {@link DocumentFormat#detect} before, and read page by page instead (its pictures too).
 */
public final class DocumentReaders {
    private final Map<DocumentFormat, TableReader> readers;
    private final DocumentLimits limits;

    public DocumentReaders(Map<DocumentFormat, TableReader> readers, DocumentLimits limits) {
        this.readers = new EnumMap<>(readers);
        this.limits = limits;
    }

    public DocumentLimits limits() {
        return limits;
    }

    /** The document's tables; a 4xx for an empty, oversized, unknown or unreadable document. */
    public Read read(byte[] bytes, String contentType, String filename) {
        if (blank(bytes)) {
            throw DomainException.badInput("the document is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw DomainException.tooLarge("document_too_large", "a document may have at most " + limits.maxBytes()
                    + " bytes", Map.of("bytes", bytes.length, "limit", limits.maxBytes()));
        }
        DocumentFormat format = DocumentFormat.detect(bytes, contentType, filename);
        TableReader reader = format == null ? null : readers.get(format);
        if (reader == null) {
            throw DomainException.unsupported("unsupported_document", (format == null ? "this is not a document wipflow reads"
                    : format + " documents are not read by this server") + "; send CSV, XLSX or a text PDF");
        }
        List<RawTable> tables = reader.read(bytes, limits);
        return new Read(format, tables);
    }

    /** No bytes, or only white space and a byte-order mark. */
    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF) return false;
        }
        return true;
    }

    /** A document's format and tables. */
    public record Read(DocumentFormat format, List<RawTable> tables) {
    }
}
