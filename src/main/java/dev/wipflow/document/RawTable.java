package dev.wipflow.document;

import java.util.List;

/** A table as a document holds it: its name (a sheet's name, or the pages it came from) and its rows of cell texts, top to bottom. */
public record RawTable(String name, List<List<String>> rows) {
    public RawTable {
        rows = List.copyOf(rows);
    }
}
