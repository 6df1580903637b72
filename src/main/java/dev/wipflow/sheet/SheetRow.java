package dev.wipflow.sheet;

import java.util.Map;

/** An SKU's row: its number (1-based) and, when the read brought them, its cells by header ({@code null} if not). */
public record SheetRow(int number, Map<String, String> cells) {
}
