package org.noticeline.outbound;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.noticeline.config.NoticelineConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests to other hosts under our outbound policy ({@code noticeline.outbound.*}): only http(s),
 * only to allowed addresses ({@link AddressPolicy}), checked again at every redirect hop (redirects are
 * followed here, at most {@code max-redirects}), a body of at most {@code max-bytes}, and the whole
 * answer within {@code timeout}. Any breach is an {@link OutboundException} saying what happened.
 */
@Singleton
public class OutboundFetcher {

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
    private final HttpClient client;

    @Inject
    public OutboundFetcher(NoticelineConfig config) {
        this(config.outbound().timeout(), config.outbound().maxBytes(), config.outbound().maxRedirects(),
                new AddressPolicy(config.outbound().allowPrivateAddresses()));
    }

    public OutboundFetcher(Duration timeout, long maxBytes, int maxRedirects, AddressPolicy policy) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** GETs {@code uri} with {@code headers}, following redirects; any status that is not a redirect is returned. */
    public Fetched get(URI uri, Map<String, String> headers) throws OutboundException {
        URI current = uri;
        for (int followed = 0; ; followed++) {
            check(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout).GET().header("User-Agent", USER_AGENT);
            headers.forEach(request::header);
            HttpResponse<byte[]> response = send(current, request.build());
            if (!REDIRECTS.contains(response.statusCode())) {
                return new Fetched(response.statusCode(), current, response.headers().map(), response.body());
            }
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new OutboundException(response.statusCode() + " redirect without a Location from " + uri));
            if (followed >= maxRedirects) {
                throw new OutboundException("more than " + maxRedirects + " redirects from " + uri + " (noticeline.outbound.max-redirects)");
            }
            try {
                current = current.resolve(new URI(location.strip()));
            } catch (java.net.URISyntaxException e) {
                throw new OutboundException("bad redirect Location '" + location + "' from " + current, e);
            }
        }
    }

    private void check(URI uri) throws OutboundException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundException("refused: only http and https URLs are fetched, not '" + uri + "'");
        }
        policy.check(uri.getHost());
    }

    private HttpResponse<byte[]> send(URI uri, HttpRequest request) throws OutboundException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                info -> new CappedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(uri);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new OutboundException("interrupted while fetching " + uri, e);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    throw new OutboundException("response from " + uri + " is larger than " + maxBytes + " bytes (noticeline.outbound.max-bytes)");
                }
                if (cause instanceof HttpTimeoutException) {
                    throw timedOut(uri);
                }
                if (cause instanceof ConnectException) {
                    throw new OutboundException("cannot connect to " + uri + ": " + describe(cause), cause);
                }
            }
            throw new OutboundException("request to " + uri + " failed: " + describe(e.getCause()), e.getCause());
        }
    }

    private OutboundException timedOut(URI uri) {
        return new OutboundException("no complete answer from " + uri + " within " + timeout.toMillis() + " ms (noticeline.outbound.timeout)");
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static final class TooLarge extends IOException {
    }

    /** Collects a body and gives up as soon as it (or its declared length) exceeds the cap, so a huge answer is never held. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final long declared;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > max) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
