package dev.wipflow.net;

import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one HTTP call on OkHttp's own dispatcher and waits for it on the request's thread in slices, beating the
 * run's heartbeat so an SSE stream stays alive during a long LLM or Apps Script call. No threads of ours.
 */
public final class AwaitedCall {
    private static final long SLICE_SECONDS = 5;

    /** What came back: status, headers and the whole body as text. */
    public record Answer(int code, Headers headers, String body) {
        public boolean ok() {
            return code >= 200 && code < 300;
        }
    }

    private AwaitedCall() {
    }

    /**
     * Sends a prepared call and waits for the response's head on the request's thread, beating the heartbeat;
     * the caller reads the body (beating as it goes) and closes the response. The call's own timeout bounds the wait.
     */
    public static Response head(Call call, RunContext ctx) throws IOException {
        CompletableFuture<Response> result = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                if (!result.complete(response)) response.close();
            }
        });
        return await(result, call, ctx);
    }

    /** The answer, or an IOException (timeouts included) when none came within {@code timeout}. */
    public static Answer run(Call.Factory http, Request request, Duration timeout, RunContext ctx) throws IOException {
        Duration limit = ctx.cap(timeout);
        if (limit.toMillis() <= 0) {
            throw new BudgetSpent("the request's time ran out before calling " + request.url().host());
        }
        Call call = http.newCall(request);
        call.timeout().timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(new Answer(response.code(), response.headers(), response.body().string()));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return await(result, call, ctx);
    }

    private static <T> T await(CompletableFuture<T> result, Call call, RunContext ctx) throws IOException {
        try {
            while (true) {
                try {
                    return result.get(SLICE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException stillWaiting) {
                    ctx.heartbeat().beat();
                }
            }
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + call.request().url().host());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedIOException && ctx.expired()) {
                throw new BudgetSpent("the request's time ran out while waiting for " + call.request().url().host(),
                        e.getCause());
            }
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        }
    }
}
