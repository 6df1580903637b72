package dev.wipflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads one {@code process-stream} to its end, noting when the first event arrived. */
final class SseProbe {
    private SseProbe() {
    }

    /** status: HTTP code; firstEventNanos: from sending to the first {@code event:} line; products: product events. */
    record Result(int status, long firstEventNanos, long totalNanos, int products, boolean done) {
    }

    static Result read(OkHttpClient http, String base, String collection, List<Long> ids) {
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Request request = new Request.Builder()
                .url(base + "/api/" + collection + "/wip/process-stream?fast_mode=true&wip_ids=" + idList).build();
        long t0 = System.nanoTime();
        long first = -1;
        int products = 0;
        boolean done = false;
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) return new Result(r.code(), -1, System.nanoTime() - t0, 0, false);
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("event: ")) continue;
                if (first < 0) first = System.nanoTime() - t0;
                if (line.equals("event: product")) products++;
                if (line.equals("event: done")) done = true;
            }
            return new Result(200, first, System.nanoTime() - t0, products, done);
        } catch (IOException e) {
            return new Result(-1, first, System.nanoTime() - t0, products, false);
        }
    }
}
