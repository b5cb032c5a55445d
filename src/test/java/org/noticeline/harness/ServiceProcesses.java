package org.noticeline.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real service processes for tests: N copies of the packaged PostgreSQL flavour ({@code NOTICELINE_PG_APP}, the
 * {@code quarkus-run.jar} that {@code .ci/run} builds into {@code target/pg-app}) on free loopback ports, all on one
 * database created fresh for the test class, each with its own data directory and log file. Processes can be killed
 * with SIGKILL ({@link #kill9}), stopped, restarted and their logs read; {@link #close} kills them all and drops the
 * database, and does so when a test fails too.
 * <p>
 * Use it as an extension, on a class gated on the packaged app, so it is skipped wherever the app is not built:
 * <pre>{@code
 * @EnabledIfEnvironmentVariable(named = "NOTICELINE_PG_APP", matches = ".+")
 * class TwoReplicasTest {
 *     @RegisterExtension
 *     static final ServiceProcesses services = new ServiceProcesses();
 *
 *     @BeforeAll
 *     static void start() {
 *         services.start(2);                                        // processes 0 and 1, ready
 *     }
 *     ... services.url(0), services.postJson(1, "/api/notices", json), services.kill9(0), services.restart(0) ...
 * }
 * }</pre>
 * The database server comes from {@code NOTICELINE_TEST_DB_URL}, {@code _USER} and {@code _PASSWORD} when they name a
 * PostgreSQL database (the database named there is only used to reach the server), else
 * {@code jdbc:postgresql://127.0.0.1:5432/} as {@code postgres}. Logs are kept under {@code target/harness/}, and the
 * end of every process's log is printed when a test fails.
 */
public final class ServiceProcesses implements AfterAllCallback, TestWatcher, AutoCloseable {

    /** The environment variable that names the PostgreSQL flavour's {@code quarkus-run.jar}. */
    public static final String APP_ENV = "NOTICELINE_PG_APP";
    /** How long a process may take to become ready (two cold JVMs on two shared cores take 20 to 40 s). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** The exit status of a process killed by SIGKILL (128 + 9). */
    public static final int SIGKILL_EXIT = 137;

    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> common = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private final String adminToken = "harness-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook = new Thread(this::killAll, "service-processes-cleanup");
    private String database;
    private String serverUrl;
    private String user;
    private String password;
    private Path logs;
    private Path scratch;
    private boolean closed;

    /** One process slot: its port, data directory and properties stay the same across restarts. */
    private static final class Service {
        final int index;
        final Path dataDir;
        final Map<String, String> properties;
        volatile int port;
        int runs;
        volatile Process process;
        volatile Path log;

        Service(int index, Path dataDir, Map<String, String> properties) {
            this.index = index;
            this.dataDir = dataDir;
            this.properties = properties;
        }
    }

    /** A system property given to every process started after this call (e.g. {@code noticeline.changes.poll-interval}). */
    public synchronized ServiceProcesses withProperty(String key, String value) {
        common.put(key, value);
        return this;
    }

    /** Starts {@code count} more processes at once, with the same extra system properties; answers when all are ready. */
    public void start(int count) {
        start(count, Map.of());
    }

    public void start(int count, Map<String, String> properties) {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(add(properties));
        }
        awaitReady(started);
    }

    /** Starts one more process with extra system properties (its own, on top of {@link #withProperty}); answers its index once ready. */
    public int startOne(Map<String, String> properties) {
        int index = add(properties);
        awaitReady(List.of(index));
        return index;
    }

    /** SIGKILL: the process gets no chance to finish anything. Answers when it is gone. */
    public void kill9(int index) {
        Service service = service(index);
        Process process = service.process;
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("process " + index + " is not running");
        }
        // On Linux, destroyForcibly is kill(pid, SIGKILL); the exit status proves it (128 + 9).
        process.destroyForcibly();
        int status = waitFor(process, Duration.ofSeconds(30));
        if (status != SIGKILL_EXIT) {
            throw new IllegalStateException("process " + index + " exited with " + status + ", not by SIGKILL");
        }
    }

    /** SIGTERM, as an orchestrator stops a replica: shutdown hooks run. Answers the exit status. */
    public int stop(int index) {
        Process process = service(index).process;
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("process " + index + " is not running");
        }
        process.destroy();
        return waitFor(process, Duration.ofSeconds(60));
    }

    /** Starts a stopped or killed process again, on the same port and data directory; a running one is stopped first. */
    public void restart(int index) {
        restart(index, Map.of());
    }

    /** {@link #restart(int)} with these system properties added to (or replacing) the process's own from now on. */
    public void restart(int index, Map<String, String> properties) {
        Service service = service(index);
        if (service.process != null && service.process.isAlive()) {
            stop(index);
        }
        synchronized (this) {
            service.properties.putAll(properties);
        }
        launch(service);
        awaitReady(List.of(index));
    }

    public int size() {
        return services.size();
    }

    public boolean alive(int index) {
        Process process = service(index).process;
        return process != null && process.isAlive();
    }

    public long pid(int index) {
        return service(index).process.pid();
    }

    /** The process's base URL, {@code http://127.0.0.1:<port>}. */
    public URI url(int index) {
        return URI.create("http://127.0.0.1:" + service(index).port);
    }

    /** The log (stdout and stderr) of the process's current run; earlier runs' logs stay next to it in {@link #logFile}'s folder. */
    public String log(int index) {
        try {
            return Files.readString(logFile(index), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile(int index) {
        return service(index).log;
    }

    /** Waits until the current run's log contains {@code text}; fails after {@code timeout}. */
    public String awaitLog(int index, String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String log = log(index);
            if (log.contains(text)) {
                return log;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("process " + index + " did not log '" + text + "' within " + timeout + ":\n" + tail(log, 40));
            }
            sleep(100);
        }
    }

    /** The admin token every process seeds ({@code noticeline.admin-token}). */
    public String adminToken() {
        return adminToken;
    }

    /** The JDBC URL of this class's database, for tests that look at it directly. */
    public String jdbcUrl() {
        return serverUrl + database;
    }

    public Connection connect() throws SQLException {
        prepare();
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    // --- HTTP, for brevity in tests -------------------------------------------------------------------------------

    /** GET {@code pathAndQuery} from process {@code index}; an I/O failure (a killed process) is thrown as is. */
    public HttpResponse<String> get(int index, String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(index).resolve(pathAndQuery)).GET());
    }

    /** POST JSON with the admin token. */
    public HttpResponse<String> postJson(int index, String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(index).resolve(path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole change log as process {@code index} serves it ({@code /api/changes} from 0, following {@code next}). */
    public List<JsonNode> changes(int index) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        long since = 0;
        while (true) {
            HttpResponse<String> response = get(index, "/api/changes?limit=10000&since=" + since);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/changes from process " + index + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.get("items").forEach(all::add);
            if (page.get("items").isEmpty()) {
                return all;
            }
            since = page.get("next").asLong();
        }
    }

    // --- lifecycle ------------------------------------------------------------------------------------------------

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Service service : services) {
            if (service.log != null && Files.exists(service.log)) {
                System.err.printf("--- %s: end of process %d's log (%s) ---%n%s%n", context.getDisplayName(), service.index,
                        service.log, tail(log(service.index), 60));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Kills every process, drops the database and deletes the data directories; the logs stay under {@code target/harness}. */
    @Override
    public synchronized void close() throws SQLException, IOException {
        if (closed) {
            return;
        }
        closed = true;
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing left to remove.
        }
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                 Statement drop = admin.createStatement()) {
                drop.execute("drop database if exists " + database + " with (force)");
            }
        }
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void killAll() {
        for (Service service : services) {
            if (service.process != null && service.process.isAlive()) {
                service.process.destroyForcibly();
            }
        }
        for (Service service : services) {
            if (service.process != null) {
                try {
                    service.process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private synchronized int add(Map<String, String> properties) {
        prepare();
        try {
            Service service = new Service(services.size(), Files.createDirectories(scratch.resolve("data-" + services.size())),
                    new LinkedHashMap<>(properties));
            service.port = freePort();
            services.add(service);
            launch(service);
            return service.index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the database and folders on first use. */
    private synchronized void prepare() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (database != null) {
            return;
        }
        String app = System.getenv(APP_ENV);
        if (app == null || app.isBlank() || !Files.isRegularFile(Path.of(app))) {
            throw new IllegalStateException(APP_ENV + " must name the PostgreSQL flavour's quarkus-run.jar (see README), not '" + app + "'");
        }
        String url = System.getenv("NOTICELINE_TEST_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql://")) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            serverUrl = base.substring(0, base.indexOf('/', "jdbc:postgresql://".length()) + 1);
            user = env("NOTICELINE_TEST_DB_USER", "postgres");
            password = env("NOTICELINE_TEST_DB_PASSWORD", "");
        } else {
            serverUrl = "jdbc:postgresql://127.0.0.1:5432/";
            user = "postgres";
            password = "";
        }
        String name = "nl_harness_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid()
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        name = name.toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on " + serverUrl + " as " + user, e);
        }
        database = name;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            logs = Files.createDirectories(Path.of("target", "harness", name)).toAbsolutePath();
            scratch = Files.createTempDirectory("noticeline-harness-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch(Service service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", String.valueOf(service.port));
        properties.put("quarkus.datasource.db-kind", "postgresql");
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl());
        properties.put("quarkus.datasource.username", user);
        properties.put("quarkus.datasource.password", password);
        properties.put("noticeline.data-dir", service.dataDir.toString());
        properties.put("noticeline.corpus-dir", Path.of("notices").toAbsolutePath().toString());
        properties.put("noticeline.admin-token", adminToken);
        // No polling of official feeds: nothing may leave the machine, and a tick would only add noise.
        properties.put("noticeline.feeds.enabled", "false");
        synchronized (this) {
            properties.putAll(common);
            properties.putAll(service.properties);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(Path.of(System.getenv(APP_ENV)).toAbsolutePath().toString());
        service.runs++;
        service.log = logs.resolve("process-" + service.index + "-run-" + service.runs + ".log");
        try {
            service.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(service.log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every listed process (all started already, so they start up together) answers {@code /q/health/ready} with 200. */
    private void awaitReady(List<Integer> indexes) {
        indexes.forEach(i -> awaitReady(service(i), 3));
    }

    /** One process's wait; a process that lost its port to another program between our look and its bind is moved to another. */
    private void awaitReady(Service service, int portAttempts) {
        long end = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(url(service.index).resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!service.process.isAlive()) {
                String log = log(service.index);
                if (portAttempts > 1 && (log.contains("already in use") || log.contains("Port already bound"))) {
                    service.port = freePort();
                    launch(service);
                    awaitReady(service, portAttempts - 1);
                    return;
                }
                throw new IllegalStateException("process " + service.index + " exited with " + service.process.exitValue()
                        + " before it was ready:\n" + tail(log, 60));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("process " + service.index + " not ready within " + READY_TIMEOUT + ":\n"
                        + tail(log(service.index), 60));
            }
            sleep(200);
        }
    }

    private synchronized Service service(int index) {
        if (index < 0 || index >= services.size()) {
            throw new IllegalArgumentException("no process " + index + "; there are " + services.size());
        }
        return services.get(index);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " still running after " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static String tail(String log, int lines) {
        String[] all = log.split("\n", -1);
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    /** Thread.sleep for tests: an interrupt ends the test rather than being swallowed. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
