package dev.wipflow.sheet;

import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler.BackOffRequired;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Sheets request of one run gets: the service account's token, its moment under the Sheets quota
 * ({@link SheetsPacer}: one per HTTP attempt, retries included; a GET is a read, anything else a write), backoff on 429/5xx that honours {@code Retry-After}, and the run's budget.
 * A non-idempotent request (an append, a new tab) is retried only on 429, which Google sends before doing anything;
 * after a 5xx or a lost connection the caller must look at the sheet before trying again.
 */
final class SheetsRequestPolicy implements HttpRequestInitializer {
    private final HttpCredentialsAdapter credentials;
    private final SheetsPacer pacer;
    private final SheetsRetry retry;
    private final AtomicLong totalCalls;
    private final RunContext ctx;
    private final boolean idempotent;

    SheetsRequestPolicy(HttpCredentialsAdapter credentials, SheetsPacer pacer, SheetsRetry retry, AtomicLong totalCalls,
            RunContext ctx, boolean idempotent) {
        this.credentials = credentials;
        this.pacer = pacer;
        this.retry = retry;
        this.totalCalls = totalCalls;
        this.ctx = ctx;
        this.idempotent = idempotent;
    }

    @Override
    public void initialize(HttpRequest request) throws IOException {
        try {
            credentials.initialize(request);
        } catch (IOException e) {
            throw new TokenFailure(e);
        }
        request.setConnectTimeout(10_000);
        request.setReadTimeout(60_000);
        request.setNumberOfRetries(retry.maxRetries());
        BudgetSleeper sleeper = new BudgetSleeper(ctx);
        BackOffRequired required = idempotent ? SheetsRequestPolicy::retryable : r -> r.getStatusCode() == 429;
        HttpBackOffUnsuccessfulResponseHandler backOff = new HttpBackOffUnsuccessfulResponseHandler(retry.newBackOff())
                .setBackOffRequired(required)
                .setSleeper(sleeper);
        request.setUnsuccessfulResponseHandler(new RetryAfterHandler(credentials, backOff, required, sleeper));
        if (idempotent) {
            request.setIOExceptionHandler(new HttpBackOffIOExceptionHandler(retry.newBackOff()).setSleeper(sleeper));
        }
        request.setInterceptor(r -> {
            pacer.acquire(SheetsPacer.Kind.of(r.getRequestMethod()), ctx);
            ctx.countSheetCall();
            totalCalls.incrementAndGet();
        });
    }

    static boolean retryable(com.google.api.client.http.HttpResponse response) {
        int code = response.getStatusCode();
        return code == 429 || code >= 500;
    }

    /** The token could not be had from the key's {@code token_uri}. */
    static final class TokenFailure extends IOException {
        TokenFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
