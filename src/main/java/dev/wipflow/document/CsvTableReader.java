package dev.wipflow.document;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.wipflow.wip.DomainException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as spreadsheets save it: any of {@code , ; TAB |} as separator (the one that splits the first lines
 * most evenly), a byte-order mark or none, UTF-8 or, when it is not valid UTF-8, Windows-1252 (Excel's plain "CSV").
 */
public final class CsvTableReader implements TableReader {
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    @Override
    public List<RawTable> read(byte[] document, DocumentLimits limits) {
        String text = decode(document);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = Parser.MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(text)) {
            while (it.hasNext()) {
                if (rows.size() >= limits.maxRows()) throw Limits.tooManyRows(limits);
                rows.add(Limits.row(it.next(), limits));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refused) throw refused;
            throw DomainException.badInput("the CSV cannot be read: " + e.getMessage());
        }
        return List.of(new RawTable("CSV", rows));
    }

    /** Made when the first CSV is read, not when wipflow starts (Jackson's CSV module is hundreds of classes). */
    private static final class Parser {
        static final CsvMapper MAPPER = CsvMapper.builder().build();
    }

    static String decode(byte[] bytes) {
        if (has(bytes, 0xEF, 0xBB, 0xBF)) return strict(bytes, 3, StandardCharsets.UTF_8);
        if (has(bytes, 0xFF, 0xFE)) return strict(bytes, 2, StandardCharsets.UTF_16LE);
        if (has(bytes, 0xFE, 0xFF)) return strict(bytes, 2, StandardCharsets.UTF_16BE);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String strict(byte[] bytes, int skip, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.badInput("the CSV starts with a " + charset.name() + " byte-order mark but is not "
                    + charset.name() + " text");
        }
    }

    /** The separator that gives the first lines the same number of cells, the most of them. */
    static char separator(String text) {
        String[] lines = text.split("\\r?\\n", 31);
        char best = ',';
        int bestScore = 0;
        for (char sep : SEPARATORS) {
            int[] counts = new int[lines.length];
            for (int i = 0; i < lines.length; i++) counts[i] = count(lines[i], sep);
            int score = 0;
            for (int i = 0; i < lines.length; i++) {
                if (counts[i] == 0) continue;
                int same = 0;
                for (int c : counts) if (c == counts[i]) same++;
                score = Math.max(score, same * 1000 + counts[i]);
            }
            if (score > bestScore) {
                bestScore = score;
                best = sep;
            }
        }
        return best;
    }

    /** How often {@code sep} occurs outside double quotes. */
    private static int count(String line, char sep) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == sep && !quoted) n++;
        }
        return n;
    }

    private static boolean has(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
