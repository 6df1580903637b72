package dev.wipflow.extract;

import dev.wipflow.net.AwaitedCall;
import dev.wipflow.net.Http;
import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.brotli.BrotliInterceptor;

/**
 * Fetches supplier pages safely: http(s) only, local and metadata addresses refused on every hop (DNS
 * answers included), redirects followed by hand, time and size limits, gzip/brotli, the page's own charset, and
 * every failure a {@link StepFailure} whose message says what happened.
 */
public final class SafeFetcher implements PageFetcher, ImageProbe {
    private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private static final String ACCEPT_HTML =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final String ACCEPT_IMAGE = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
    private static final String ACCEPT_JSON = "application/json,text/javascript;q=0.9,*/*;q=0.5";

    private final Http client;
    private final boolean allowPrivate;
    private final FetchLimits limits;
    private final Set<String> trustedHosts;

    public SafeFetcher(Http base, boolean allowPrivate, FetchLimits limits) {
        this(base, allowPrivate, limits, Set.of());
    }

    /** {@code trustedHosts} may resolve to local addresses even when private ones are refused (a mirror; tests). */
    public SafeFetcher(Http base, boolean allowPrivate, FetchLimits limits, Set<String> trustedHosts) {
        this.allowPrivate = allowPrivate;
        this.limits = limits;
        this.trustedHosts = Set.copyOf(trustedHosts);
        this.client = base.derive(b -> {
            b.followRedirects(false)
                    .followSslRedirects(false)
                    .retryOnConnectionFailure(true)
                    .connectTimeout(limits.connectTimeout())
                    .readTimeout(limits.readTimeout())
                    .callTimeout(limits.totalTimeout())
                    .addInterceptor(BrotliInterceptor.INSTANCE);
            if (!allowPrivate) b.dns(new GuardedDns(base.dns(), this.trustedHosts));
            return b;
        });
    }

    @Override
    public Page fetch(String url, RunContext ctx) {
        return get(url, ctx, false);
    }

    @Override
    public Page fetchJson(String url, RunContext ctx) {
        return get(url, ctx, true);
    }

    private Page get(String rawUrl, RunContext ctx, boolean json) {
        HttpUrl url = parse(rawUrl);
        boolean budgetBinds = ctx.budgetBinds(limits.totalTimeout());
        Instant deadline = Instant.now().plus(ctx.cap(limits.totalTimeout()));
        Set<HttpUrl> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            checkHost(url);
            seen.add(url);
            Request request = new Request.Builder().url(url)
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", json ? ACCEPT_JSON : ACCEPT_HTML)
                    .header("Accept-Language", "en-US,en;q=0.8,*;q=0.5")
                    .build();
            Call call = client.newCall(request);
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) throw timedOut(rawUrl, budgetBinds, null);
            call.timeout().timeout(left, TimeUnit.MILLISECONDS);
            try (Response response = AwaitedCall.head(call, ctx)) {
                if (response.isRedirect()) {
                    url = nextHop(rawUrl, url, response, hop, seen);
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw new StepFailure("supplier page answered " + HttpStatusText.of(response.code(), response.message())
                            + " (" + url + ")");
                }
                return read(rawUrl, url, response, json, ctx);
            } catch (InterruptedIOException e) {
                throw timedOut(rawUrl, budgetBinds && ctx.expired(), e);
            } catch (IOException e) {
                throw failure(rawUrl, e);
            }
        }
    }

    /**
     * A {@code HEAD} of the image (a {@code GET} of its first kilobyte when the server refuses {@code HEAD}: 400, 403,
     * 405 or 501), with the
     * same address checks as a page, on every redirect.
     */
    @Override
    public Optional<String> problem(String rawUrl, Duration limit, RunContext ctx) {
        HttpUrl url = HttpUrl.parse(rawUrl == null ? "" : rawUrl.trim());
        if (url == null) return Optional.of("it is not an http(s) address");
        Instant deadline = Instant.now().plus(ctx.cap(limit));
        boolean head = true;
        for (int hop = 0; hop <= limits.maxRedirects() + 1; hop++) {
            try {
                checkHost(url);
            } catch (StepFailure e) {
                return Optional.of(e.getMessage());
            }
            Request.Builder request = new Request.Builder().url(url).header("User-Agent", USER_AGENT)
                    .header("Accept", ACCEPT_IMAGE);
            if (head) request.head();
            else request.header("Range", "bytes=0-1023");
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) return Optional.of("it did not answer within " + limit.toSeconds() + " s");
            Call call = client.newCall(request.build());
            call.timeout().timeout(left, TimeUnit.MILLISECONDS);
            try (Response response = AwaitedCall.head(call, ctx)) {
                if (response.isRedirect() && response.header("Location") != null) {
                    url = url.resolve(response.header("Location").trim());
                    if (url == null) return Optional.of("it redirects to an address that is not http(s)");
                    continue;
                }
                if (head && (response.code() == 400 || response.code() == 403 || response.code() == 405 || response.code() == 501)) {
                    head = false;
                    continue;
                }
                if (response.code() != 200 && (head || response.code() != 206)) {
                    return Optional.of("it answered " + HttpStatusText.of(response.code(), response.message()));
                }
                String type = response.header("Content-Type", "");
                if (!type.trim().toLowerCase(Locale.ROOT).startsWith("image/")) {
                    return Optional.of("it is " + (type.isBlank() ? "of no content type" : type.trim()) + ", not an image");
                }
                return Optional.empty();
            } catch (InterruptedIOException e) {
                if (ctx.expired()) throw new BudgetSpent("the request's time ran out while checking " + rawUrl, e);
                return Optional.of("it did not answer within " + limit.toSeconds() + " s");
            } catch (IOException e) {
                RefusedAddressException refused = find(e);
                return Optional.of(refused != null ? "refused: " + refused.getMessage() : "it could not be fetched (" + e.getMessage() + ")");
            }
        }
        return Optional.of("it redirects more than " + limits.maxRedirects() + " times");
    }

    private HttpUrl nextHop(String rawUrl, HttpUrl current, Response response, int hop, Set<HttpUrl> seen) {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw new StepFailure("supplier page answered a redirect (" + response.code() + ") without a Location");
        }
        HttpUrl next = current.resolve(location.trim());
        if (next == null) {
            throw new StepFailure("supplier page redirected to " + location + ", which is not an http(s) address");
        }
        if (seen.contains(next)) throw new StepFailure("supplier page " + rawUrl + " redirects in a loop (" + next + ")");
        if (hop + 1 > limits.maxRedirects()) {
            throw new StepFailure("supplier page " + rawUrl + " redirected more than " + limits.maxRedirects() + " times");
        }
        return next;
    }

    private Page read(String rawUrl, HttpUrl url, Response response, boolean json, RunContext ctx) throws IOException {
        MediaType type = response.body().contentType();
        String typeText = type == null ? null : type.type() + "/" + type.subtype();
        ContentTypes.Verdict verdict = json ? ContentTypes.json(typeText) : ContentTypes.html(typeText);
        if (verdict == ContentTypes.Verdict.REFUSE) {
            throw new StepFailure("supplier URL " + url + " is not " + (json ? "JSON" : "a web page")
                    + ": it answered " + typeText);
        }
        byte[] bytes = BodyReader.read(response, limits.maxBytes(), ctx);
        if (verdict == ContentTypes.Verdict.SNIFF && !ContentTypes.looksLikeHtml(bytes)) {
            throw new StepFailure("supplier URL " + url + " is not a web page: it answered "
                    + (typeText == null ? "no content type" : typeText) + " and the body is not HTML");
        }
        String html = CharsetSniffer.decode(bytes, type == null || type.charset() == null ? null : type.charset().name());
        return new Page(rawUrl, url.toString(), response.code(), typeText, html);
    }

    private HttpUrl parse(String rawUrl) {
        if (rawUrl == null || rawUrl.isBlank()) throw new StepFailure("the product has no URL");
        String trimmed = rawUrl.trim();
        String scheme = trimmed.contains(":") ? trimmed.substring(0, trimmed.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new StepFailure("only http and https URLs can be fetched, not " + abbreviate(trimmed));
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) throw new StepFailure("the URL " + abbreviate(trimmed) + " is not a valid web address");
        return url;
    }

    /** Literal IP hosts never reach the DNS step, so they are checked here; names are checked again by the DNS. */
    private void checkHost(HttpUrl url) {
        if (allowPrivate || trustedHosts.contains(url.host())) return;
        Optional<String> why = AddressPolicy.refuseName(url.host());
        if (why.isEmpty() && isIpLiteral(url.host())) {
            try {
                why = AddressPolicy.refuse(InetAddress.getByName(url.host()));
            } catch (UnknownHostException e) {
                why = Optional.of("the address " + url.host() + " is malformed");
            }
        }
        why.ifPresent(reason -> {
            throw new StepFailure("refused to fetch " + url + ": " + reason);
        });
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /**
     * A fetch that ran out of time: when the request's budget was the tighter limit, the supplier is not to blame
     * and the step is simply done again by the next call; otherwise the page took longer than wipflow waits for one.
     */
    private RuntimeException timedOut(String rawUrl, boolean budgetBinds, InterruptedIOException e) {
        if (budgetBinds) {
            return new BudgetSpent("the request's time ran out while fetching " + rawUrl, e);
        }
        String detail = e == null || e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return new StepFailure("supplier page " + rawUrl + " was too slow: it did not answer within wipflow's limits"
                + " (" + limits.connectTimeout().toSeconds() + " s to connect, " + limits.readTimeout().toSeconds()
                + " s between reads, " + limits.totalTimeout().toSeconds() + " s for the page)" + detail, e);
    }

    private StepFailure failure(String rawUrl, IOException e) {
        RefusedAddressException refused = find(e);
        if (refused != null) return new StepFailure("refused to fetch " + rawUrl + ": " + refused.getMessage(), e);
        if (e instanceof BodyReader.TooLarge) return new StepFailure("supplier page " + rawUrl + " " + e.getMessage(), e);
        if (e instanceof UnknownHostException) {
            return new StepFailure("supplier host not found: " + e.getMessage(), e);
        }
        return new StepFailure("could not fetch supplier page " + rawUrl + ": " + e, e);
    }

    private static RefusedAddressException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException r) return r;
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof RefusedAddressException r) return r;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
