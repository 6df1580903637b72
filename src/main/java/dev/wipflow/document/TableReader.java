package dev.wipflow.document;

import java.util.List;

/** Reads the tables of one kind of document (CSV, XLSX, PDF); refuses what it cannot read with a {@code DomainException}. */
public interface TableReader {
    List<RawTable> read(byte[] document, DocumentLimits limits);
}
