package dev.wipflow.sheet;

import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler.BackOffRequired;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.wipflow.net.RetryAfter;
import dev.wipflow.run.RetryLater;
import java.io.IOException;
import java.time.Duration;

/** Refreshes the token on 401; waits what {@code Retry-After} says when present, else the exponential backoff. */
final class RetryAfterHandler implements HttpUnsuccessfulResponseHandler {
    private final HttpCredentialsAdapter credentials;
    private final HttpBackOffUnsuccessfulResponseHandler backOff;
    private final BackOffRequired required;
    private final BudgetSleeper sleeper;

    RetryAfterHandler(HttpCredentialsAdapter credentials, HttpBackOffUnsuccessfulResponseHandler backOff,
            BackOffRequired required, BudgetSleeper sleeper) {
        this.credentials = credentials;
        this.backOff = backOff;
        this.required = required;
        this.sleeper = sleeper;
    }

    @Override
    public boolean handleResponse(HttpRequest request, HttpResponse response, boolean supportsRetry) throws IOException {
        if (credentials.handleResponse(request, response, supportsRetry)) return true;
        if (!supportsRetry || !required.isRequired(response)) return false;
        try {
            Duration after = RetryAfter.parse(response.getHeaders().getFirstHeaderStringValue("Retry-After"));
            if (after == null) return backOff.handleResponse(request, response, true);
            sleeper.sleep(after.toMillis());
            return true;
        } catch (RetryLater e) {
            response.ignore();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
