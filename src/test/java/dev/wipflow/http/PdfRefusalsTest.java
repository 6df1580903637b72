package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wipflow.document.PdfLimits;
import dev.wipflow.document.PdfMaker;
import dev.wipflow.document.PdfReader;
import dev.wipflow.wip.DomainException;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What the PDF reader refuses reaches a client as the status DESIGN §4 names: scanned and encrypted 422, corrupt 400, too large 413. */
class PdfRefusalsTest {
    private final PdfReader reader = new PdfReader(PdfLimits.DEFAULT, Clock.systemUTC());

    @Test
    void each_refusal_of_a_pdf_has_its_status() {
        PdfMaker scanned = new PdfMaker();
        scanned.page().picture(scanned.picture(Color.GRAY, 300), 20, 20, 550, 800);
        PdfMaker secret = new PdfMaker();
        secret.page().text(50, 100, "Item #").text(150, 100, "Description").text(300, 100, "Qty");
        byte[] corrupt = "%PDF-1.4\n1 0 obj <<\n".getBytes(StandardCharsets.US_ASCII);
        PdfMaker twoPages = new PdfMaker();
        twoPages.page().text(50, 100, "one");
        twoPages.page().text(50, 100, "two");
        PdfReader onePage = new PdfReader(new PdfLimits(20_000_000, 1, 1_000_000, 1_000_000), Clock.systemUTC());

        assertThat(status(reader, scanned.bytes())).isEqualTo(422);
        assertThat(status(reader, secret.encrypted("pw"))).isEqualTo(422);
        assertThat(status(reader, corrupt)).isEqualTo(400);
        assertThat(status(onePage, twoPages.bytes())).isEqualTo(413);
    }

    private static int status(PdfReader reader, byte[] pdf) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> reader.read(pdf));
        assertThat(refused).as("a refusal").isNotNull();
        assertThat(refused.getMessage()).isNotBlank();
        return Errors.status(refused.kind());
    }
}
