package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The local sheet as {@code export.csv?format=sheet} gives it: header → value, a map per row. */
final class ExportedSheet {
    private ExportedSheet() {
    }

    static List<Map<String, String>> rows(Api api, String collection) throws IOException {
        Reply csv = api.get("/api/" + collection + "/export.csv?format=sheet");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.body())) {
            return rows.readAll();
        }
    }
}
