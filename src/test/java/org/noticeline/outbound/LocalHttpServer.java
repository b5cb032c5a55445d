package org.noticeline.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a random loopback port (never any other address) for tests of outbound
 * requests: it serves what a test puts at a path, answers conditional requests with 304, can be slow,
 * and records every request it receives. It can listen on another loopback address (all of 127/8 and
 * ::1 are this machine) and speak TLS, recording the server names (SNI) clients ask for.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** What is served at one path. {@code delay}: how long to wait before answering; {@code chunked}: no Content-Length. */
    public record Route(int status, String contentType, byte[] body, Map<String, String> headers, String etag, String lastModified,
                        Duration delay, boolean chunked) {
    }

    /** A request as received: path and query, and the headers that matter to the tests (lower-case names). */
    public record Request(String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService executor = Executors.newFixedThreadPool(6);
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    private LocalHttpServer(InetSocketAddress address, SSLContext tls) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("tests listen on loopback only, not " + address);
        }
        if (tls == null) {
            server = HttpServer.create(address, 0);
            scheme = "http";
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new RecordingServerNames(tls));
            server = https;
            scheme = "https";
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static LocalHttpServer start() {
        return start(InetAddress.getLoopbackAddress(), 0);
    }

    /** On {@code address} (a loopback one) and {@code port}, 0 for any free one. */
    public static LocalHttpServer start(InetAddress address, int port) {
        return start(new InetSocketAddress(address, port), null);
    }

    /** Speaking HTTPS with the key and certificate of {@code tls}. */
    public static LocalHttpServer startTls(InetAddress address, SSLContext tls) {
        return start(new InetSocketAddress(address, 0), tls);
    }

    private static LocalHttpServer start(InetSocketAddress address, SSLContext tls) {
        try {
            return new LocalHttpServer(address, tls);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local HTTP server on " + address, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>} (or the address and scheme it listens with). */
    public String url(String path) {
        String host = server.getAddress().getAddress().getHostAddress();
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + path;
    }

    /** The server names (SNI) TLS clients asked for, in order. */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    public void serve(String path, Route route) {
        routes.put(path, route);
    }

    public void serve(String path, int status, String contentType, String body) {
        serve(path, new Route(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), null, null, Duration.ZERO, false));
    }

    public void serve(String path, String contentType, String body) {
        serve(path, 200, contentType, body);
    }

    /** Serves {@code body} with an ETag and a Last-Modified, answering 304 to a request that presents either. */
    public void serveWithValidators(String path, String contentType, String body, String etag, String lastModified) {
        serve(path, new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), etag, lastModified, Duration.ZERO, false));
    }

    public void redirect(String path, String location) {
        serve(path, new Route(302, "text/plain", new byte[0], Map.of("Location", location), null, null, Duration.ZERO, false));
    }

    public void slow(String path, String contentType, String body, Duration delay) {
        serve(path, new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), null, null, delay, false));
    }

    public void large(String path, int bytes, boolean chunked) {
        byte[] body = "x".repeat(bytes).getBytes(StandardCharsets.US_ASCII);
        serve(path, new Route(200, "text/html", body, Map.of(), null, null, Duration.ZERO, chunked));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            requests.add(new Request(path, Map.copyOf(headers)));
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!route.delay().isZero()) {
                try {
                    Thread.sleep(route.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (route.etag() != null) {
                exchange.getResponseHeaders().set("ETag", route.etag());
            }
            if (route.lastModified() != null) {
                exchange.getResponseHeaders().set("Last-Modified", route.lastModified());
            }
            boolean sameTag = route.etag() != null && route.etag().equals(headers.get("if-none-match"));
            boolean sameDate = route.lastModified() != null && route.lastModified().equals(headers.get("if-modified-since"));
            if (sameTag || sameDate) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            route.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", route.contentType());
            if (route.body().length == 0) {
                exchange.sendResponseHeaders(route.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(route.status(), route.chunked() ? 0 : route.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(route.body());
            } catch (IOException e) {
                // the client gave up (a size cap, a timeout): nothing more to send
            }
        } finally {
            exchange.close();
        }
    }

    /** Hands out the certificate whatever name a client asks for, noting the name. */
    private final class RecordingServerNames extends HttpsConfigurator {

        RecordingServerNames(SSLContext tls) {
            super(tls);
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName name) {
                    serverNames.add(((SNIHostName) name).getAsciiName());
                    return true;
                }
            }));
            params.setSSLParameters(parameters);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
