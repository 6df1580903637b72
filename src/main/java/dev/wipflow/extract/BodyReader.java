package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import java.io.IOException;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/** Reads a response body in chunks up to a cap, beating the heartbeat as it goes; never buffers more than cap+chunk. */
final class BodyReader {
    private static final long CHUNK = 16 * 1024;

    private BodyReader() {
    }

    static byte[] read(Response response, long maxBytes, RunContext ctx) throws IOException {
        long declared = response.body().contentLength();
        if (declared > maxBytes) throw new TooLarge(declared, maxBytes);
        BufferedSource source = response.body().source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, CHUNK) != -1) {
            if (buffer.size() > maxBytes) throw new TooLarge(-1, maxBytes);
            ctx.heartbeat().beat();
        }
        return buffer.readByteArray();
    }

    /** The body is larger than the fetcher accepts. */
    static final class TooLarge extends IOException {
        TooLarge(long declared, long max) {
            super((declared > 0 ? "is " + declared + " bytes" : "is larger than " + max + " bytes")
                    + ", over the limit of " + (max >> 10) + " KB");
        }
    }
}
