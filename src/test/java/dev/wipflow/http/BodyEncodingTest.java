package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.DbDump;
import dev.wipflow.support.Running;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are read as the bytes they are: UTF-8 unless the Content-Type names a charset, a byte-order mark
 * honoured. A body that is not valid text in its charset is a 400 that adds nothing, instead of an SKU stored with
 * replacement characters; files as Excel saves them (plain "CSV" on Windows, "CSV UTF-8", "Unicode Text") are read
 * with every accented letter intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyEncodingTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String ADD = "/api/encodings/wip";
    @TempDir
    static Path dir;
    Running wipflow;
    Api api;

    @BeforeAll
    void start() {
        wipflow = Running.start(dir);
        api = wipflow.api;
        Reply r = api.post(ADD, "{\"items\":[{\"sku\":\"FIRST\",\"url\":\"https://supplier.example/p/first\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        wipflow.close();
    }

    private Reply send(String contentType, byte[] body) {
        return api.call(new Request.Builder().url(wipflow.app.baseUrl() + ADD)
                .post(RequestBody.create(body, MediaType.get(contentType))));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private JsonNode product(String sku) {
        JsonNode items = api.get(ADD + "?limit=1000").json().path("items");
        for (JsonNode it : items) {
            if (it.path("sku").asText().equals(sku)) return it;
        }
        throw new AssertionError("no product " + sku + " in " + items);
    }

    @Test
    void invalid_utf8_in_a_json_sku_is_a_400_that_adds_nothing() {
        String before = DbDump.of(wipflow.app.database().sql());
        byte[] head = "{\"items\":[{\"sku\":\"CAF".getBytes(StandardCharsets.US_ASCII);
        byte[] body = concat(head, new byte[] {(byte) 0xC3, 0x28},
                "\",\"url\":\"https://supplier.example/p/cafe\"}]}".getBytes(StandardCharsets.US_ASCII));
        Reply r = send("application/json", body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("bad_encoding");
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("the body is not valid UTF-8 (byte 0xC3 at offset " + head.length + ")");
        assertThat(r.json().path("error").path("details").path("offset").asInt()).isEqualTo(head.length);
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before).doesNotContain("\uFFFD");
    }

    @Test
    void invalid_utf8_in_a_csv_is_a_400_that_says_how_to_save_it() {
        String before = DbDump.of(wipflow.app.database().sql());
        byte[] csv = "sku,url\nCAFÉ-1,https://supplier.example/p/cafe\n".getBytes(WINDOWS_1252); // sent without its charset
        Reply r = send("text/csv", csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("bad_encoding");
        assertThat(r.json().path("error").path("message").asText())
                .contains("not valid UTF-8").contains("\"CSV UTF-8\"").contains("charset=windows-1252");
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }

    @Test
    void a_windows_1252_csv_that_says_so_keeps_its_accents() {
        byte[] csv = "sku;url\r\nCAFÉ-2;https://supplier.example/p/café-crème\r\nÜBER-€;https://supplier.example/p/über\r\n"
                .getBytes(WINDOWS_1252);
        Reply r = send("text/csv; charset=windows-1252", csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("added").asInt()).isEqualTo(2);
        assertThat(product("CAFÉ-2").path("url").asText()).isEqualTo("https://supplier.example/p/café-crème");
        assertThat(product("ÜBER-€").path("url").asText()).isEqualTo("https://supplier.example/p/über");
    }

    @Test
    void a_quoted_charset_name_in_any_case_is_understood() {
        byte[] csv = "sku,url\nNIÑO-1,https://supplier.example/p/niño\n".getBytes(StandardCharsets.ISO_8859_1);
        Reply r = send("text/plain; Charset=\"ISO-8859-1\"", csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(product("NIÑO-1").path("url").asText()).isEqualTo("https://supplier.example/p/niño");
    }

    @Test
    void a_csv_utf8_file_with_its_byte_order_mark_is_read_without_it() {
        byte[] csv = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "SKU,URL\r\nBOM-É1,https://supplier.example/p/é1\r\n".getBytes(StandardCharsets.UTF_8));
        Reply r = send("text/csv", csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(product("BOM-É1").path("url").asText()).isEqualTo("https://supplier.example/p/é1");
    }

    @Test
    void a_byte_order_mark_decides_over_a_charset_the_sender_got_wrong() {
        byte[] csv = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "sku,url\nBOM-É2,https://supplier.example/p/é2\n".getBytes(StandardCharsets.UTF_8));
        Reply r = send("text/csv; charset=windows-1252", csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(product("BOM-É2").path("url").asText()).isEqualTo("https://supplier.example/p/é2");
    }

    @Test
    void excel_unicode_text_in_utf16_with_its_byte_order_mark_is_read() {
        byte[] tsv = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "SKU\tURL\r\nUTF16-Ø\thttps://supplier.example/p/ø\r\n".getBytes(StandardCharsets.UTF_16LE));
        Reply r = send("text/plain", tsv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(product("UTF16-Ø").path("url").asText()).isEqualTo("https://supplier.example/p/ø");
    }

    @Test
    void utf8_json_with_accents_and_a_byte_order_mark_is_read() {
        byte[] json = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"items\":[{\"sku\":\"JSON-É\",\"url\":\"https://supplier.example/p/é\"}]}".getBytes(StandardCharsets.UTF_8));
        Reply r = send("application/json", json);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(product("JSON-É").path("url").asText()).isEqualTo("https://supplier.example/p/é");
    }

    @Test
    void an_unknown_charset_is_a_415_that_names_it() {
        String before = DbDump.of(wipflow.app.database().sql());
        Reply r = send("text/csv; charset=klingon-8", "sku,url\nK-1,https://supplier.example/p/k\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(r.status()).as(r.toString()).isEqualTo(415);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unsupported_charset");
        assertThat(r.json().path("error").path("message").asText()).contains("'klingon-8'");
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }
}
