package org.noticeline.outbound;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.noticeline.config.NoticelineConfig;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests to other hosts (GETs of feeds and pages, POSTs of webhooks) under our outbound policy ({@code noticeline.outbound.*}): only http(s),
 * only to allowed addresses ({@link AddressPolicy}), checked again at every redirect hop (redirects are
 * followed here, at most {@code max-redirects}), a body of at most {@code max-bytes}, and the whole
 * answer within {@code timeout}. Any breach is an {@link OutboundException} saying what happened.
 * <p>
 * Each request connects to the very address the policy checked ({@link PinnedExchange}): were the
 * host looked up again when connecting, a name could pass the check and then lead to 127.0.0.1.
 * The fetch methods block until the answer is in, so they are for worker threads, never an event loop.
 */
@Singleton
public class OutboundFetcher implements AutoCloseable {

    static final String USER_AGENT = "Noticeline/0.1 (official notices reader)";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** A final (non-redirect) answer: its status, the URL it came from after redirects, headers and body. */
    public record Fetched(int status, URI uri, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Duration timeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final AddressPolicy policy;
    /** How long a webhook connection may stay unused before it is closed: below the usual server idle timeouts (5 s and up). */
    private static final int IDLE_SECONDS = 4;

    private final HttpClient client;
    private final HttpClient posting;

    @Inject
    public OutboundFetcher(NoticelineConfig config, Vertx vertx) {
        this(vertx, config.outbound().timeout(), config.outbound().maxBytes(), config.outbound().maxRedirects(),
                new AddressPolicy(config.outbound().allowPrivateAddresses()), null, config.subscriptions().senders());
    }

    /**
     * Outside the container (tests): on a Vert.x instance the caller owns and closes, trusting
     * {@code trust} instead of the JDK's certificate authorities unless it is null.
     */
    public OutboundFetcher(Vertx vertx, Duration timeout, long maxBytes, int maxRedirects, AddressPolicy policy, TrustOptions trust) {
        this(vertx, timeout, maxBytes, maxRedirects, policy, trust, 4);
    }

    /** With at most {@code postConnections} connections kept open to each webhook receiver's address. */
    public OutboundFetcher(Vertx vertx, Duration timeout, long maxBytes, int maxRedirects, AddressPolicy policy, TrustOptions trust,
                           int postConnections) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.policy = policy;
        // GETs: a connection per request, so none outlives the address check it was made for, nor a body given up on.
        this.client = vertx.createHttpClient(options(timeout, trust).setKeepAlive(false));
        // POSTs (webhooks, many to one receiver): connections are kept and reused, a TLS handshake per delivery would
        // bound a replica at a few hundred a second. The pool is keyed by the checked address each request is pinned
        // to, so a reused connection still goes where the policy allowed; one given up on is reset, never reused.
        this.posting = vertx.createHttpClient(options(timeout, trust).setKeepAlive(true).setKeepAliveTimeout(IDLE_SECONDS)
                .setMaxPoolSize(Math.max(1, postConnections)));
    }

    private static HttpClientOptions options(Duration timeout, TrustOptions trust) {
        return new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setTrustOptions(trust);
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** GETs {@code uri} with {@code headers}, following redirects; any status that is not a redirect is returned. */
    public Fetched get(URI uri, Map<String, String> headers) throws OutboundException {
        URI current = uri;
        for (int followed = 0; ; followed++) {
            InetAddress address = check(current);
            PinnedExchange.Answer answer = send(current, address, headers);
            Fetched fetched = new Fetched(answer.status(), current, answer.headers(), answer.body());
            if (!REDIRECTS.contains(fetched.status())) {
                return fetched;
            }
            String location = fetched.header("Location")
                    .orElseThrow(() -> new OutboundException(fetched.status() + " redirect without a Location from " + uri));
            if (followed >= maxRedirects) {
                throw new OutboundException("more than " + maxRedirects + " redirects from " + uri + " (noticeline.outbound.max-redirects)");
            }
            try {
                current = current.resolve(new URI(location.strip()));
            } catch (URISyntaxException e) {
                throw new OutboundException("bad redirect Location '" + location + "' from " + current, e);
            }
        }
    }

    /**
     * POSTs {@code body} to {@code uri} under the same policy, once: a redirect is not followed but returned like any
     * other answer (a webhook's receiver must answer itself, and a redirect could lead anywhere).
     */
    public Fetched post(URI uri, Map<String, String> headers, byte[] body) throws OutboundException {
        InetAddress address = check(uri);
        PinnedExchange.Answer answer = send(new PinnedExchange(posting, io.vertx.core.http.HttpMethod.POST, uri, address, headers, body, maxBytes), uri);
        return new Fetched(answer.status(), uri, answer.headers(), answer.body());
    }

    /** The address to connect to: the first one the host resolves to, as the JDK would pick; all of them passed the policy. */
    private InetAddress check(URI uri) throws OutboundException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundException("refused: only http and https URLs are fetched, not '" + uri + "'");
        }
        return policy.check(host(uri)).get(0);
    }

    /**
     * The URL's host. {@link URI} has none for 127.1 or 0x7f.1 (a last label must start with a letter);
     * such a numeric host is taken from the authority, so that the refusal names it.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri.getHost();
        }
        String server = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        String host = server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
        return NumericHost.isLegacyIpv4(host) ? host : null;
    }

    private PinnedExchange.Answer send(URI uri, InetAddress address, Map<String, String> headers) throws OutboundException {
        return send(new PinnedExchange(client, uri, address, headers, maxBytes), uri);
    }

    private PinnedExchange.Answer send(PinnedExchange exchange, URI uri) throws OutboundException {
        CompletableFuture<PinnedExchange.Answer> answer = exchange.start().toCompletionStage().toCompletableFuture();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.abandon();
            throw timedOut(uri);
        } catch (InterruptedException e) {
            exchange.abandon();
            Thread.currentThread().interrupt();
            throw new OutboundException("interrupted while fetching " + uri, e);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CappedBody.TooLarge) {
                    throw new OutboundException("response from " + uri + " is larger than " + maxBytes + " bytes (noticeline.outbound.max-bytes)");
                }
                if (cause instanceof ConnectException) {
                    throw new OutboundException("cannot connect to " + uri + ": " + describe(cause), cause);
                }
            }
            throw new OutboundException("request to " + uri + " failed: " + describe(e.getCause()), e.getCause());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        client.close();
        posting.close();
    }

    private OutboundException timedOut(URI uri) {
        return new OutboundException("no complete answer from " + uri + " within " + timeout.toMillis() + " ms (noticeline.outbound.timeout)");
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
