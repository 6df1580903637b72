package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.document.DocumentImage;
import dev.wipflow.document.DocumentPictures;
import dev.wipflow.document.PdfDocument;
import dev.wipflow.document.PdfLimits;
import dev.wipflow.document.PdfMaker;
import dev.wipflow.document.PdfReader;
import dev.wipflow.document.PictureLinks;
import dev.wipflow.store.DocumentImages;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Running;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of a linesheet, read from the PDF and kept in the database, are served by wipflow with their content
 * type; a picture, document or collection that is not there is a 404, a bad number a 400.
 */
class DocumentImagesTest {
    private static final long DOCUMENT = 41;
    @TempDir
    Path dir;
    Running wipflow;
    DocumentPictures pictures;

    @BeforeEach
    void start() {
        wipflow = Running.start(dir);
        for (String c : List.of("looks", "other")) {
            Reply added = wipflow.api.post("/api/" + c + "/wip", "{\"items\":[{\"sku\":\"ST-1\",\"url\":\"https://supplier.example/p/st-1\"}]}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        pictures = new DocumentPictures(new DocumentImages(wipflow.app.database().sql(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        wipflow.close();
    }

    @Test
    void each_picture_of_a_linesheet_is_served_with_its_content_type() {
        PdfDocument linesheet = read(linesheet(Color.BLUE, Color.GREEN));
        List<DocumentPictures.Numbered> numbers = pictures.save("looks", DOCUMENT, linesheet);

        assertThat(numbers).containsExactly(new DocumentPictures.Numbered(0, 1, 1), new DocumentPictures.Numbered(0, 2, 2));
        for (int row = 1; row <= 2; row++) {
            DocumentImage expected = linesheet.tables().get(0).images().get(row).get(0);
            Served served = get("/api/looks/documents/" + DOCUMENT + "/images/" + row);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.contentType()).isEqualTo("image/png");
            assertThat(served.nosniff()).isEqualTo("nosniff");
            assertThat(served.bytes()).isEqualTo(expected.bytes());
        }
    }

    @Test
    void a_picture_that_is_not_there_is_404_and_a_bad_number_400() {
        pictures.save("looks", DOCUMENT, read(linesheet(Color.BLUE, Color.GREEN)));

        assertThat(wipflow.api.get("/api/looks/documents/" + DOCUMENT + "/images/3").json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(wipflow.api.get("/api/looks/documents/" + DOCUMENT + "/images/3").status()).isEqualTo(404);
        assertThat(wipflow.api.get("/api/looks/documents/" + (DOCUMENT + 1) + "/images/1").status()).isEqualTo(404);
        assertThat(wipflow.api.get("/api/other/documents/" + DOCUMENT + "/images/1").status()).isEqualTo(404);
        assertThat(wipflow.api.get("/api/nowhere/documents/" + DOCUMENT + "/images/1").status()).isEqualTo(404);
        Reply word = wipflow.api.get("/api/looks/documents/" + DOCUMENT + "/images/first");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().at("/success").asBoolean(true)).isFalse();
        assertThat(wipflow.api.get("/api/looks/documents/" + DOCUMENT + "/images/0").status()).isEqualTo(400);
        assertThat(wipflow.api.get("/api/looks/documents/0/images/1").status()).isEqualTo(400);
        assertThat(wipflow.api.get("/api/Looks!/documents/" + DOCUMENT + "/images/1").status()).isEqualTo(400);
    }

    @Test
    void reading_a_document_again_replaces_its_pictures() {
        pictures.save("looks", DOCUMENT, read(linesheet(Color.BLUE, Color.GREEN)));
        PdfDocument again = read(linesheet(Color.ORANGE));

        pictures.save("looks", DOCUMENT, again);

        assertThat(get("/api/looks/documents/" + DOCUMENT + "/images/1").bytes())
                .isEqualTo(again.tables().get(0).images().get(1).get(0).bytes());
        assertThat(wipflow.api.get("/api/looks/documents/" + DOCUMENT + "/images/2").status()).isEqualTo(404);
    }

    @Test
    void with_an_api_token_a_picture_opens_with_the_token_or_its_own_signed_link_only() {
        try (Running guarded = Running.start(dir.resolve("guarded"), java.util.Map.of("API_TOKEN", "t0ken-for-tests"))) {
            Reply added = guarded.api.withToken("t0ken-for-tests")
                    .post("/api/looks/wip", "{\"items\":[{\"sku\":\"ST-1\",\"url\":\"https://supplier.example/p/st-1\"}]}");
            assertThat(added.status()).isEqualTo(201);
            new DocumentPictures(new DocumentImages(guarded.app.database().sql(), Clock.systemUTC()))
                    .save("looks", DOCUMENT, read(linesheet(Color.BLUE, Color.GREEN)));
            PictureLinks links = new PictureLinks("t0ken-for-tests");
            String first = links.path("looks", DOCUMENT, 1);
            String second = links.path("looks", DOCUMENT, 2);

            assertThat(first).startsWith("/api/looks/documents/" + DOCUMENT + "/images/1?sig=");
            assertThat(get(guarded, first).status()).isEqualTo(200);
            assertThat(get(guarded, second).status()).isEqualTo(200);
            assertThat(get(guarded, "/api/looks/documents/" + DOCUMENT + "/images/1").status()).isEqualTo(401);
            assertThat(get(guarded, second.replace("/images/2", "/images/1")).status()).isEqualTo(401);
            assertThat(get(guarded, first.replace("/looks/", "/other/")).status()).isEqualTo(401);
            assertThat(get(guarded, new PictureLinks("another-token").path("looks", DOCUMENT, 1)).status()).isEqualTo(401);
            assertThat(get(guarded, "/api/looks/wip?sig=" + first.substring(first.indexOf("sig=") + 4)).status()).isEqualTo(401);
            assertThat(guarded.api.get("/api/looks/documents/" + DOCUMENT + "/images/1").status()).isEqualTo(200);
        }
    }

    @Test
    void without_an_api_token_a_link_is_the_plain_path() {
        assertThat(new PictureLinks(null).path("looks", 7, 3)).isEqualTo("/api/looks/documents/7/images/3");
        assertThat(get(wipflow, "/api/looks/documents/7/images/3?sig=anything").status()).isEqualTo(404);
    }

    /** A one-page linesheet: a style per colour, each with its picture to the left of its line. */
    private static byte[] linesheet(Color... colours) {
        PdfMaker pdf = new PdfMaker();
        float[] columns = {150, 230, 350, 450};
        PdfMaker.Page page = pdf.page().row(100, columns, "Style", "Name", "Colour", "Wholesale");
        for (int i = 0; i < colours.length; i++) {
            float top = 140 + i * 100;
            page.picture(pdf.picture(colours[i], 48), 50, top - 10, 80, 80)
                    .row(top, columns, "ST-" + (i + 1), "Style " + (i + 1), "Colour " + (i + 1), "1" + i + ".00");
        }
        return pdf.bytes();
    }

    private static PdfDocument read(byte[] pdf) {
        return new PdfReader(PdfLimits.DEFAULT, Clock.systemUTC()).read(pdf);
    }

    private Served get(String path) {
        return get(wipflow, path);
    }

    /** A plain GET, without the API token, as a sheet's IMAGE() asks. */
    private static Served get(Running server, String path) {
        try (Response r = server.api.http().newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute()) {
            return new Served(r.code(), r.header("Content-Type"), r.header("X-Content-Type-Options"), r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Served(int status, String contentType, String nosniff, byte[] bytes) {
    }
}
