package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.json.Json;
import dev.wipflow.net.AwaitedCall;
import dev.wipflow.net.Http;
import dev.wipflow.net.RetryAfter;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;

/**
 * How every Sheets request is sent: with the service account's token, at its moment under the Sheets quota
 * ({@link SheetsPacer}: one per HTTP attempt, retries included; a GET is a read, anything else a write), with
 * backoff on 429/5xx that honours {@code Retry-After}, within the run's budget. A 401 fetches a new token and tries
 * once more. A non-idempotent request (an append, a new tab) is retried only on 429, which Google sends before
 * doing anything; after a 5xx or a lost connection the caller must look at the sheet before trying again.
 */
final class SheetsRequestPolicy {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Http http;
    /** Never sends a request twice by itself: OkHttp repeats a call whose connection broke, an append too. */
    private final Http once;
    private final AccessTokens tokens;
    private final SheetsPacer pacer;
    private final SheetsRetry retry;
    private final AtomicLong totalCalls = new AtomicLong();

    SheetsRequestPolicy(Http http, AccessTokens tokens, SheetsPacer pacer, SheetsRetry retry) {
        this.http = http;
        this.once = http.derive(b -> b.retryOnConnectionFailure(false));
        this.tokens = tokens;
        this.pacer = pacer;
        this.retry = retry;
    }

    /**
     * The JSON answer of {@code request}; a {@link SheetsError} when Google refused it (after the retries), an
     * {@link AccessTokens.TokenFailure} without a token, another IOException when no answer came.
     */
    JsonNode send(Request request, boolean idempotent, RunContext ctx) throws IOException {
        SheetsRetry.Backoff backoff = retry.start();
        BudgetSleeper sleeper = new BudgetSleeper(ctx);
        boolean tokenRenewed = false;
        while (true) {
            String token = tokens.token(ctx);
            pacer.acquire(SheetsPacer.Kind.of(request.method()), ctx);
            ctx.countSheetCall();
            totalCalls.incrementAndGet();
            AwaitedCall.Answer answer;
            try {
                answer = AwaitedCall.run(idempotent ? http : once, request.newBuilder().header("Authorization", "Bearer " + token).build(),
                        TIMEOUT, ctx);
            } catch (IOException lost) {
                OptionalLong wait = idempotent ? backoff.next() : OptionalLong.empty();
                if (wait.isEmpty()) throw lost;
                sleeper.sleep(wait.getAsLong());
                continue;
            }
            if (answer.ok()) return parse(answer);
            SheetsError error = SheetsError.of(answer.code(), answer.body());
            if (answer.code() == 401 && !tokenRenewed) {
                tokens.rejected(token);
                tokenRenewed = true;
                continue;
            }
            if (!(answer.code() == 429 || idempotent && answer.code() >= 500)) throw error;
            Duration after = RetryAfter.parse(answer.headers().get("Retry-After"));
            if (after != null) {
                if (!backoff.take()) throw error;
                sleeper.sleep(after.toMillis());
            } else {
                OptionalLong wait = backoff.next();
                if (wait.isEmpty()) throw error;
                sleeper.sleep(wait.getAsLong());
            }
        }
    }

    /** Sheets HTTP calls sent, retries included. */
    long totalCalls() {
        return totalCalls.get();
    }

    private static JsonNode parse(AwaitedCall.Answer answer) throws SheetsError {
        try {
            JsonNode json = Json.MAPPER.readTree(answer.body());
            if (json != null && json.isObject()) return json;
        } catch (IOException e) {
            // below
        }
        throw new SheetsError(answer.code(), "an answer that is not a JSON object");
    }
}
