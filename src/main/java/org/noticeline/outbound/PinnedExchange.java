package org.noticeline.outbound;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One request (a GET, or a POST with a body) over a connection to an address fixed in advance, which is never looked up again: the
 * URL's host stays the Host header, the TLS server name (SNI) and the name the certificate must
 * carry. {@link #abandon()} resets the connection at whatever stage the exchange has reached.
 */
final class PinnedExchange {

    /** What came back: status, headers and the body, at most {@code maxBytes} of it. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final HttpClient client;
    private final RequestOptions options;
    private final long maxBytes;
    private final byte[] body;
    private HttpClientRequest request;
    private boolean abandoned;

    PinnedExchange(HttpClient client, URI uri, InetAddress address, Map<String, String> headers, long maxBytes) {
        this(client, HttpMethod.GET, uri, address, headers, null, maxBytes);
    }

    PinnedExchange(HttpClient client, HttpMethod method, URI uri, InetAddress address, Map<String, String> headers, byte[] body,
                   long maxBytes) {
        this.client = client;
        this.maxBytes = maxBytes;
        this.body = body;
        boolean https = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.options = new RequestOptions()
                .setMethod(method)
                .setSsl(https)
                .setHost(uri.getHost())
                .setPort(port)
                .setServer(server(address, port))
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .putHeader("User-Agent", OutboundFetcher.USER_AGENT);
        headers.forEach(options::addHeader);
    }

    Future<Answer> start() {
        return client.request(options).compose(this::send);
    }

    private Future<Answer> send(HttpClientRequest connected) {
        if (!hold(connected)) {
            connected.reset();
            return Future.failedFuture(new CancellationException("abandoned before the request was sent"));
        }
        // Listening before sending: the answer cannot come before there is a handler for its first bytes.
        Future<Answer> answer = connected.response().compose(response -> CappedBody.read(response, maxBytes)
                .map(body -> new Answer(response.statusCode(), headers(response.headers()), body)));
        if (body == null) {
            connected.end();
        } else {
            connected.end(io.vertx.core.buffer.Buffer.buffer(body));
        }
        return answer;
    }

    private synchronized boolean hold(HttpClientRequest connected) {
        request = connected;
        return !abandoned;
    }

    /** The caller no longer waits: the connection is closed, or will be as soon as it is made. */
    synchronized void abandon() {
        abandoned = true;
        if (request != null) {
            request.reset();
        }
    }

    /**
     * Given as an InetAddress, the server is connected to without a lookup. It is stripped of the name
     * it was resolved from: Vert.x keys its connectors by host text, so two addresses of one name
     * would share a connector, and with it the address that connector was made for.
     */
    private static SocketAddress server(InetAddress address, int port) {
        try {
            InetAddress bare = address instanceof Inet6Address ipv6
                    ? Inet6Address.getByAddress(null, ipv6.getAddress(), ipv6.getScopeId())
                    : InetAddress.getByAddress(address.getAddress());
            return SocketAddress.inetSocketAddress(new InetSocketAddress(bare, port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address's own bytes are always an address", e);
        }
    }

    private static Map<String, List<String>> headers(MultiMap headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.names().forEach(name -> map.put(name, headers.getAll(name)));
        return Collections.unmodifiableMap(map);
    }
}
