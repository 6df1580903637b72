package dev.wipflow.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.NewItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports as spreadsheets really save them. */
class CsvImportTest {
    private static final List<NewItem> TWO = List.of(
            new NewItem("SINK-1", "https://supplier.example/p/sink-1"),
            new NewItem("TAP-2", "https://supplier.example/p/tap-2?color=black,chrome"));

    @Test
    void excel_utf8_csv_with_a_byte_order_mark_and_crlf() {
        String csv = "\uFEFFSKU,URL\r\nSINK-1,https://supplier.example/p/sink-1\r\n"
                + "TAP-2,\"https://supplier.example/p/tap-2?color=black,chrome\"\r\n";
        assertThat(CsvFormats.readItems(csv, 10)).isEqualTo(TWO);
    }

    @Test
    void semicolons_as_excel_saves_them_in_european_locales() {
        String csv = "sku;url\nSINK-1;https://supplier.example/p/sink-1\nTAP-2;https://supplier.example/p/tap-2?color=black,chrome\n";
        assertThat(CsvFormats.readItems(csv, 10)).isEqualTo(TWO);
    }

    @Test
    void tabs_as_rows_copied_out_of_a_spreadsheet_without_a_header() {
        String tsv = "SINK-1\thttps://supplier.example/p/sink-1\nTAP-2\thttps://supplier.example/p/tap-2?color=black,chrome";
        assertThat(CsvFormats.readItems(tsv, 10)).isEqualTo(TWO);
    }

    @Test
    void a_team_sheet_with_its_own_column_names_and_order() {
        String csv = "Title,Product URL,Variant SKU,Price\n"
                + "Sink,https://supplier.example/p/sink-1,SINK-1,249.00\n"
                + "Tap,\"https://supplier.example/p/tap-2?color=black,chrome\",TAP-2,89.00\n";
        assertThat(CsvFormats.readItems(csv, 10)).isEqualTo(TWO);
    }

    @Test
    void a_header_with_only_one_of_the_columns_is_refused() {
        assertThatThrownBy(() -> CsvFormats.readItems("sku,title\nA,Sink\n", 10))
                .isInstanceOf(DomainException.class).hasMessageContaining("sku and url");
    }

    @Test
    void the_separator_is_taken_from_the_first_line_that_has_one() {
        assertThat(CsvFormats.separator("\n\nsku;url\n")).isEqualTo(';');
        assertThat(CsvFormats.separator("sku,url\nA;B;C,D\n")).isEqualTo(',');
        assertThat(CsvFormats.separator("just-one-column\n")).isEqualTo(',');
    }
}
