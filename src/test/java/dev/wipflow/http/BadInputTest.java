package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.DbDump;
import dev.wipflow.support.Running;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests, one table: each gets its 4xx in the API's error shape (README, Using the API), and the database
 * is exactly as it was before (compared row by row).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final String OK_URL = "https://supplier.example.com/p/1";
    @TempDir
    static Path dir;
    Running wipflow;
    Api api;
    long existing;

    @BeforeAll
    void start() {
        wipflow = Running.start(dir, java.util.Map.of("FETCH_ALLOW_PRIVATE", "false"));
        api = wipflow.api;
        Reply r = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"EXIST\",\"url\":\"" + OK_URL + "\"}]}");
        existing = r.json().path("items").path(0).path("id").asLong();
        api.post("/api/sinks/wip/process", "{\"wip_ids\":[" + existing + "]}");
    }

    @AfterAll
    void stop() {
        wipflow.close();
    }

    /** A request of the table; {@code raw}, when set, is sent as the body byte for byte instead of {@code body}. */
    record Case(String name, String method, String path, String contentType, String body, byte[] raw, int status) {
        Case(String name, String method, String path, String contentType, String body, int status) {
            this(name, method, path, contentType, body, null, status);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case post(String name, String path, String body, int status) {
        return new Case(name, "POST", path, "application/json", body, status);
    }

    static Case get(String name, String path, int status) {
        return new Case(name, "GET", path, null, null, status);
    }

    /** A body of ASCII text with the bytes {@code 0xC3 0x28} (not UTF-8: a lead byte without its continuation) at {@code @}. */
    static Case badBytes(String name, String path, String contentType, String text, int status) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : ascii) {
            if (b == '@') out.writeBytes(new byte[] {(byte) 0xC3, 0x28});
            else out.write(b);
        }
        return new Case(name, "POST", path, contentType, null, out.toByteArray(), status);
    }

    static String item(String sku, String url) {
        return "{\"items\":[{\"sku\":" + sku + ",\"url\":" + url + "}]}";
    }

    static Stream<Case> cases() {
        String add = "/api/sinks/wip";
        String one = "/api/sinks/wip/process-one";
        String job = "/api/sinks/wip/process";
        String nested = "[".repeat(2000) + "]".repeat(2000);
        String manyIds = IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String manyItems = IntStream.range(0, 5001).mapToObj(i -> "{\"sku\":\"S" + i + "\",\"url\":\"" + OK_URL + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        List<Case> c = new ArrayList<>(List.of(
                post("malformed JSON", add, "{\"items\":[", 400),
                post("JSON array body", add, "[]", 400),
                post("JSON string body", add, "\"items\"", 400),
                post("deeply nested JSON", add, "{\"items\":" + nested + "}", 400),
                post("deeply nested JSON in process-one", one, "{\"a\":" + nested + "}", 400),
                post("items not an array", add, "{\"items\":\"x\"}", 422),
                post("items missing", add, "{}", 422),
                post("item not an object", add, "{\"items\":[1]}", 422),
                post("sku a float", add, item("5.5", "\"" + OK_URL + "\""), 422),
                post("sku an object", add, item("{}", "\"" + OK_URL + "\""), 422),
                post("url missing", add, "{\"items\":[{\"sku\":\"A\"}]}", 422),
                post("url a number", add, item("\"A\"", "42"), 422),
                post("ftp url", add, item("\"A\"", "\"ftp://example.com/x\""), 422),
                post("javascript url", add, item("\"A\"", "\"javascript:alert(1)\""), 422),
                post("file url", add, item("\"A\"", "\"file:///etc/passwd\""), 422),
                post("data url", add, item("\"A\"", "\"data:text/html,<h1>x</h1>\""), 422),
                post("url without host", add, item("\"A\"", "\"http://\""), 422),
                post("url with credentials", add, item("\"A\"", "\"https://user:pw@example.com/\""), 422),
                post("url with spaces", add, item("\"A\"", "\"https://exa mple.com/\""), 422),
                post("url too long", add, item("\"A\"", "\"https://example.com/" + "a".repeat(3000) + "\""), 422),
                post("empty sku", add, item("\"\"", "\"" + OK_URL + "\""), 422),
                post("blank sku", add, item("\"   \"", "\"" + OK_URL + "\""), 422),
                post("sku with NUL", add, item("\"A\\u0000B\"", "\"" + OK_URL + "\""), 422),
                post("sku with newline", add, item("\"A\\nB\"", "\"" + OK_URL + "\""), 422),
                post("sku with RTL override", add, item("\"A\\u202eB\"", "\"" + OK_URL + "\""), 422),
                post("sku with zero-width space", add, item("\"A\\u200bB\"", "\"" + OK_URL + "\""), 422),
                post("sku too long", add, item("\"" + "S".repeat(101) + "\"", "\"" + OK_URL + "\""), 422),
                post("huge string sku", add, item("\"" + "S".repeat(500_000) + "\"", "\"" + OK_URL + "\""), 422),
                post("SQL in sku with bad url", add, item("\"'; DROP TABLE wip_products;--\"", "\"nope\""), 422),
                post("duplicate skus in one request", add, "{\"items\":[{\"sku\":\"D\",\"url\":\"" + OK_URL
                        + "\"},{\"sku\":\"D\",\"url\":\"" + OK_URL + "\"}]}", 422),
                post("one bad item among good ones", add, "{\"items\":[{\"sku\":\"G1\",\"url\":\"" + OK_URL
                        + "\"},{\"sku\":\"G2\",\"url\":\"gopher://x\"}]}", 422),
                post("existing sku", add, item("\"EXIST\"", "\"" + OK_URL + "/2\""), 409),
                post("existing sku among new ones", add, "{\"items\":[{\"sku\":\"NEW1\",\"url\":\"" + OK_URL
                        + "\"},{\"sku\":\"EXIST\",\"url\":\"" + OK_URL + "\"}]}", 409),
                post("no items", add, "{\"items\":[]}", 422),
                post("update_existing a string", add, "{\"items\":[{\"sku\":\"EXIST\",\"url\":\"" + OK_URL + "\"}],"
                        + "\"update_existing\":\"yes\"}", 422),
                post("5001 items", add, manyItems, 413),
                post("body over the size limit", add, "{\"items\":[],\"pad\":\"" + "x".repeat(2_100_000) + "\"}", 413),
                new Case("XML body", "POST", add, "application/xml", "<items/>", 415),
                new Case("CSV without url column", "POST", add, "text/csv", "sku,title\nA,Kitchen sink\n", 400),
                new Case("CSV with unclosed quote", "POST", add, "text/csv", "sku,url\n\"A,https://x.example/\n", 400),
                new Case("CSV with a bad url", "POST", add, "text/csv", "sku,url\nA,ftp://x.example/\n", 422),
                badBytes("JSON with invalid UTF-8 in the sku", add, "application/json", item("\"A@B\"", "\"" + OK_URL + "\""), 400),
                badBytes("JSON with invalid UTF-8 in the url", add, "application/json", item("\"A\"", "\"" + OK_URL + "@\""), 400),
                badBytes("JSON with invalid UTF-8 in process-one", one, "application/json", "{\"job_id\":\"@\"}", 400),
                badBytes("JSON with invalid UTF-8 in a job", job, "application/json", "{\"wip_ids\":[1],\"x\":\"@\"}", 400),
                badBytes("JSON with invalid UTF-8 in a POST stream", "/api/sinks/wip/process-stream", "application/json",
                        "{\"x\":\"@\"}", 400),
                badBytes("CSV with invalid UTF-8 in the sku", add, "text/csv", "sku,url\nA@B," + OK_URL + "\n", 400),
                badBytes("pasted lines with invalid UTF-8", add, "text/plain", "A@B," + OK_URL + "\n", 400),
                badBytes("CSV saying utf-8 with invalid UTF-8", add, "text/csv; charset=utf-8", "sku,url\nA@B," + OK_URL + "\n", 400),
                new Case("CSV not valid in the charset it names", "POST", add, "text/csv; charset=windows-1252", null,
                        "sku,url\nA\u0081B,https://x.example/\n".getBytes(StandardCharsets.ISO_8859_1), 400),
                new Case("CSV in an unknown charset", "POST", add, "text/csv; charset=no-such-charset", null,
                        ("sku,url\nA," + OK_URL + "\n").getBytes(StandardCharsets.US_ASCII), 415),
                new Case("CSV with an illegal charset name", "POST", add, "text/csv; charset=\"a b\"", null,
                        ("sku,url\nA," + OK_URL + "\n").getBytes(StandardCharsets.US_ASCII), 415),
                new Case("JSON in an unknown charset", "POST", add, "application/json; charset=klingon", null,
                        item("\"A\"", "\"" + OK_URL + "\"").getBytes(StandardCharsets.US_ASCII), 415),
                post("uppercase collection", "/api/Sinks/wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("collection too long", "/api/" + "c".repeat(65) + "/wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("collection with dots", "/api/..../wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("encoded path traversal in collection", "/api/..%2F..%2Fetc/wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("collection with SQL", "/api/a'%3Bdrop/wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("collection with unicode", "/api/k%C3%BCche/wip", item("\"A\"", "\"" + OK_URL + "\""), 400),
                post("metadata address", add, item("\"M1\"", "\"http://169.254.169.254/latest/meta-data\""), 422),
                post("loopback address", add, item("\"M2\"", "\"http://127.0.0.1:8080/admin\""), 422),
                post("IPv6 loopback", add, item("\"M3\"", "\"http://[::1]/\""), 422),
                post("private address", add, item("\"M4\"", "\"http://10.0.0.1/p\""), 422),
                post("metadata host name", add, item("\"M5\"", "\"http://metadata.google.internal/computeMetadata/v1/\""), 422),
                post("localhost", add, item("\"M6\"", "\"http://localhost:7070/api/health\""), 422),
                post("IPv4-mapped IPv6 loopback", add, item("\"M7\"", "\"http://[::ffff:127.0.0.1]/\""), 422),
                get("id not a number", "/api/sinks/wip/abc", 400),
                get("negative id", "/api/sinks/wip/-1", 400),
                get("unknown id", "/api/sinks/wip/999999", 404),
                get("product of another collection", "/api/taps/wip/1", 404),
                post("process-one of a misspelled collection", "/api/sinsk/wip/process-one", "{}", 404),
                get("list of a misspelled collection", "/api/sinsk/wip", 404),
                get("stream of a misspelled collection", "/api/sinsk/wip/process-stream", 404),
                get("export of a misspelled collection", "/api/sinsk/export.csv", 404),
                new Case("delete unknown id", "DELETE", "/api/sinks/wip/999999", null, null, 404),
                post("reset unknown id", "/api/sinks/wip/999999/reset", "{}", 404),
                post("reset from an unknown step", "/api/sinks/wip/1/reset", "{\"from\":\"polish\"}", 422),
                post("reset from a number", "/api/sinks/wip/1/reset", "{\"from\":3}", 422),
                post("cancel unknown id", "/api/sinks/wip/999999/cancel", "", 404),
                post("process-one malformed", one, "{wip_id:1}", 400),
                post("process-one wip_id a string", one, "{\"wip_id\":\"1\"}", 422),
                post("process-one wip_id negative", one, "{\"wip_id\":-5}", 422),
                post("process-one wip_id fractional", one, "{\"wip_id\":1.5}", 422),
                post("process-one wip_id huge", one, "{\"wip_id\":99999999999999999999999}", 422),
                post("process-one unknown wip_id", one, "{\"wip_id\":999999}", 404),
                post("process-one max_seconds zero", one, "{\"max_seconds\":0}", 422),
                post("process-one max_seconds a string", one, "{\"max_seconds\":\"10\"}", 422),
                post("process-one fast_mode a string", one, "{\"fast_mode\":\"true\"}", 422),
                post("process-one force a number", one, "{\"force\":1}", 422),
                post("process-one unknown job", one, "{\"job_id\":\"nope\"}", 404),
                post("process-one job_id a number", one, "{\"job_id\":123}", 422),
                post("process-one bad collection", "/api/UP/wip/process-one", "{}", 400),
                post("job wip_ids a string", job, "{\"wip_ids\":\"1,2\"}", 422),
                post("job with unknown ids", job, "{\"wip_ids\":[999999]}", 422),
                post("job with 10 000 ids", job, "{\"wip_ids\":[" + manyIds + "]}", 413),
                post("job with empty ids", job, "{\"wip_ids\":[]}", 422),
                post("job with non-numeric ids", job, "{\"wip_ids\":[\"a\"]}", 422),
                get("stream with non-numeric ids", "/api/sinks/wip/process-stream?wip_ids=a,b", 400),
                get("stream with 1001 ids", "/api/sinks/wip/process-stream?wip_ids=" + manyIds.substring(0, manyIds.indexOf(",1002,")), 413),
                get("stream of an unknown job", "/api/sinks/wip/process-stream?job_id=nope", 404),
                get("stream with bad max_seconds", "/api/sinks/wip/process-stream?max_seconds=-1", 400),
                post("POST stream malformed", "/api/sinks/wip/process-stream", "{", 400),
                get("unknown job", "/api/sinks/wip/jobs/nope", 404),
                get("job id path traversal", "/api/sinks/wip/jobs/..%2F..%2Fetc", 404),
                post("cancel unknown job", "/api/sinks/wip/jobs/nope/cancel", "", 404),
                get("jobs with bad status", "/api/sinks/wip/jobs?status=bogus", 400),
                get("jobs with limit 0", "/api/sinks/wip/jobs?limit=0", 400),
                get("list with negative limit", "/api/sinks/wip?limit=-1", 400),
                get("list with huge limit", "/api/sinks/wip?limit=100000", 400),
                get("list with bad status", "/api/sinks/wip?status=bogus", 400),
                get("list with bad offset", "/api/sinks/wip?offset=abc", 400),
                get("export in an unknown format", "/api/sinks/export.csv?format=xml", 400),
                get("unknown endpoint", "/api/sinks/nothing-here", 404)));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_request_gets_its_4xx_and_changes_nothing(Case c) {
        String before = DbDump.of(wipflow.app.database().sql());
        Request.Builder req = new Request.Builder().url(wipflow.app.baseUrl() + c.path());
        MediaType type = c.contentType() == null ? null : MediaType.get(c.contentType());
        RequestBody body = c.raw() != null ? RequestBody.create(c.raw(), type)
                : c.body() == null ? null : RequestBody.create(c.body(), type);
        req.method(c.method(), c.method().equals("GET") || c.method().equals("DELETE") ? null : body);
        Reply r = api.call(req);
        assertThat(r.status()).as(r.toString().substring(0, Math.min(400, r.toString().length()))).isEqualTo(c.status());
        assertThat(r.json()).as(r.body()).isNotNull();
        assertThat(r.json().path("success").asBoolean(true)).isFalse();
        assertThat(r.json().path("error").path("code").asText()).isNotBlank();
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }
}
