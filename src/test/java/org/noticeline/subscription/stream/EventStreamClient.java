package org.noticeline.subscription.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of {@code /api/stream} over real HTTP: reads the event stream line by line on a thread of its own. */
final class EventStreamClient implements AutoCloseable {

    /** One thing read: an event (id, type, data) or a comment. */
    record Received(String id, String type, String data, String comment) {
        boolean isComment() {
            return comment != null;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Received END = new Received(null, null, null, null);

    final HttpResponse<InputStream> response;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "test-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    static EventStreamClient open(URI base, String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        headers.forEach(request::header);
        return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event (comments skipped) that {@code wanted} accepts, within {@code timeout}; null if none came. */
    Received next(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Received r = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null || r == END) {
                if (r == END) {
                    received.add(END);
                }
                return null;
            }
            if (!r.isComment() && wanted.test(r)) {
                return r;
            }
        }
    }

    /** The next comment within {@code timeout}, or null. */
    Received nextComment(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Received r = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null || r == END) {
                return null;
            }
            if (r.isComment()) {
                return r;
            }
        }
    }

    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null, type = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || type != null || id != null) {
                        received.add(new Received(id, type, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Received(null, null, null, line));
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    type = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
            received.add(END);
        }
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
