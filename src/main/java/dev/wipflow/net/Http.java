package dev.wipflow.net;

import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * wipflow's outgoing HTTP: an OkHttp client whose TLS half is built on the first {@code https} call. A client with
 * TLS loads the JDK's trust store and SSL context when it is built (some 600 classes, a tenth of a cold start in a
 * small container); a cleartext-only client does not. So wipflow starts with the cleartext half and adds TLS when a
 * call first needs it; the halves share one connection pool and dispatcher.
 *
 * <p>A client that follows redirects from {@code http} to {@code https} sends every call through the TLS half (the
 * cleartext half could not follow them), so it builds TLS on its first call; wipflow's page fetcher follows
 * redirects itself and keeps to cleartext until a page is {@code https}.
 */
public final class Http implements Call.Factory {
    private static final List<ConnectionSpec> WITH_TLS = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
    private static final List<ConnectionSpec> CLEARTEXT = List.of(ConnectionSpec.CLEARTEXT);

    /** As configured, but cleartext only: the cleartext half, and what the TLS half is made from. */
    private final OkHttpClient cleartext;
    private final boolean followsToHttps;
    private final Http parent;
    private final UnaryOperator<OkHttpClient.Builder> change;
    private volatile OkHttpClient tls;

    private Http(OkHttpClient configured, Http parent, UnaryOperator<OkHttpClient.Builder> change) {
        this.cleartext = configured;
        this.followsToHttps = configured.followRedirects() && configured.followSslRedirects();
        this.parent = parent;
        this.change = change;
    }

    /** A client with {@code builder}'s settings (timeouts, interceptors …); its TLS is added when first needed. */
    public static Http of(OkHttpClient.Builder builder) {
        return new Http(builder.connectionSpecs(CLEARTEXT).build(), null, UnaryOperator.identity());
    }

    /** A client with this one's settings changed by {@code change}, sharing its connections and its TLS. */
    public Http derive(UnaryOperator<OkHttpClient.Builder> change) {
        return new Http(change.apply(cleartext.newBuilder()).build(), this, change);
    }

    @Override
    public Call newCall(Request request) {
        return (request.isHttps() || followsToHttps ? tls() : cleartext).newCall(request);
    }

    /** The resolver calls go through (a guard may wrap it). */
    public Dns dns() {
        return cleartext.dns();
    }

    /** Whether a call has needed TLS yet. */
    public boolean tlsBuilt() {
        return tls != null;
    }

    private OkHttpClient tls() {
        OkHttpClient built = tls;
        if (built != null) return built;
        synchronized (this) {
            if (tls == null) {
                tls = parent == null ? cleartext.newBuilder().connectionSpecs(WITH_TLS).build()
                        : change.apply(parent.tls().newBuilder()).build();
            }
            return tls;
        }
    }
}
