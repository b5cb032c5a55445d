package org.noticeline.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.notice.NoticeSnapshots;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching and delivery benchmark of [6/9] (not a test: it runs only with {@code NOTICELINE_BENCHMARK=true}; see
 * {@code src/main/docs/performance.md}). With {@code NOTICELINE_BENCHMARK_SUBSCRIPTIONS} subscriptions (100,000) of
 * the {@link SubscriptionMix} and {@code NOTICELINE_BENCHMARK_NOTICES} new notices (3,000, clones of the corpus on
 * random platforms, written through {@link NoticeService}), it measures:
 * <ol>
 * <li>matching: the planner's own path ({@link ChangeLog#read} then {@link ChangeMatcher#match}, with the database:
 * changes, notices, their platforms and rules), in batches of {@value DeliveryPlanner#BATCH}, repeated in rounds;
 * notices matched per second;</li>
 * <li>planning: {@link DeliveryPlanner#planAll} of the last {@code NOTICELINE_BENCHMARK_DELIVERY_NOTICES} (100)
 * notices, payloads and deliveries inserted; deliveries planned per second;</li>
 * <li>delivery: {@link DeliverySender#sendDue} of all of them to a receiver on loopback (JDK HttpServer, which checks
 * every signature), until none is pending; webhooks delivered per second, each exactly once.</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(SubscriptionBenchmark.Profile.class)
@EnabledIfEnvironmentVariable(named = "NOTICELINE_BENCHMARK", matches = "true")
class SubscriptionBenchmark {

    /** No worker of its own: the benchmark plans and sends itself, so nothing else competes for the cores. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noticeline.subscriptions.enabled", "false", "quarkus.log.category.\"org.noticeline\".level", "WARN");
        }
    }

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 10;

    @Inject
    EntityManager em;
    @Inject
    ChangeLog log;
    @Inject
    ChangeMatcher matcher;
    @Inject
    SubscriptionIndex index;
    @Inject
    DeliveryPlanner planner;
    @Inject
    DeliverySender sender;
    @Inject
    NoticeService notices;
    @Inject
    SubscriptionVersions versions;
    @Inject
    ObjectMapper json;

    private final List<String> report = new ArrayList<>();

    @Test
    void matchAndDeliver() throws Exception {
        int subscriptions = setting("NOTICELINE_BENCHMARK_SUBSCRIPTIONS", 100_000);
        int noticeCount = setting("NOTICELINE_BENCHMARK_NOTICES", 3_000);
        int deliveryNotices = setting("NOTICELINE_BENCHMARK_DELIVERY_NOTICES", 100);
        Random random = new Random(42);
        SubscriptionMix.Terms terms = QuarkusTransaction.requiringNew().call(this::terms);
        SubscriptionMix mix = new SubscriptionMix(terms);
        print("machine: %d cores, %s, Java %s, database %s", Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                        .doReturningWork(c -> c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion())));
        print("mix (%% of %,d subscriptions): %s", subscriptions, mix.shares());

        try (Receiver receiver = new Receiver()) {
            long ownerId = Long.parseLong(Fixtures.subscriber("bench").getValue().toString());
            long start = System.nanoTime();
            Map<String, String> secrets = QuarkusTransaction.requiringNew().call(() -> subscribe(ownerId, subscriptions, mix, random, receiver));
            receiver.secrets.putAll(secrets);
            print("setup: %,d subscriptions inserted in %.1f s", subscriptions, seconds(start));

            long before = log.head();
            start = System.nanoTime();
            List<NoticeContent> corpus = QuarkusTransaction.requiringNew().call(this::corpus);
            for (int i = 0; i < noticeCount; i++) {
                NoticeContent template = corpus.get(random.nextInt(corpus.size()));
                List<String> platforms = random.nextBoolean() ? template.platforms()
                        : List.of(terms.platforms().get(random.nextInt(terms.platforms().size())));
                NoticeContent content = new NoticeContent("bench-" + i + "-" + template.slug(), template.title() + " (" + i + ")",
                        template.date(), template.type(), template.authority(), template.jurisdiction(), platforms, template.rules(),
                        template.proceeding(), template.language(), template.summary(), template.sources(), template.body());
                notices.create(content, NoticeService.Author.of("benchmark", NoticeOrigin.API), null);
            }
            long head = log.head();
            print("setup: %,d notices written through the write path in %.1f s (changes %d to %d)", noticeCount, seconds(start), before + 1, head);

            start = System.nanoTime();
            QuarkusTransaction.requiringNew().run(index::refresh);
            print("index: %,d subscriptions loaded from the database in %.2f s", index.size(), seconds(start));

            match(before, head, mix, subscriptions);
            plan(head - deliveryNotices);
            deliver(receiver);
        }
        Path out = Path.of("target", "subscription-benchmark.txt");
        Files.write(out, report);
        System.out.println("(also in " + out.toAbsolutePath() + ")");
    }

    private void match(long from, long to, SubscriptionMix mix, int subscriptions) {
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        List<Double> rates = new ArrayList<>();
        List<Integer> perNotice = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            boolean timed = round >= WARMUP_ROUNDS;
            long start = System.nanoTime();
            int noticesMatched = 0;
            long matches = 0;
            long position = from;
            while (position < to) {
                long after = position;
                Batch batch = QuarkusTransaction.requiringNew().call(() -> {
                    List<Change> changes = log.read(after, DeliveryPlanner.BATCH, true);
                    return changes.isEmpty() ? null : new Batch(changes.get(changes.size() - 1).seq(), changes.size(), matcher.match(changes));
                });
                if (batch == null) {
                    break;
                }
                position = batch.last();
                noticesMatched += batch.read();
                for (MatchedChange change : batch.matched()) {
                    matches += change.matches().size();
                    if (round == 0) {
                        perNotice.add(change.matches().size());
                        for (SubscriptionIndex.Match match : change.matches()) {
                            byKind.merge(mix.kindOf(Integer.parseInt(match.subscriptionId().substring("sub_bench".length())), subscriptions), 1L, Long::sum);
                        }
                    }
                }
            }
            double elapsed = seconds(start);
            double rate = noticesMatched / elapsed;
            if (timed) {
                rates.add(rate);
            }
            print("matching round %2d%s: %,d notices, %,d matches in %.3f s: %,.0f notices/s", round + 1, timed ? "" : " (warm-up)",
                    noticesMatched, matches, elapsed, rate);
        }
        perNotice.sort(Integer::compare);
        double mean = perNotice.stream().mapToInt(Integer::intValue).average().orElse(0);
        print("matches per notice: mean %.0f, median %d, p90 %d, max %d, min %d (notices that matched nothing: %d)", mean,
                at(perNotice, 0.5), at(perNotice, 0.9), at(perNotice, 1.0), at(perNotice, 0.0), (int) (to - from) - perNotice.size());
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        byKind.forEach((kind, count) -> kinds.put(kind, String.format("%.1f", count / (double) (to - from))));
        print("matches per notice by kind of subscription: %s", kinds);
        rates.sort(Double::compare);
        print("MATCHING: median %,.0f notices matched per second (rounds %,.0f to %,.0f); target 5,000", rates.get(rates.size() / 2),
                rates.get(0), rates.get(rates.size() - 1));
    }

    private void plan(long position) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update subscription_cursor set position = ?1 where name = 'planner'")
                .setParameter(1, position).executeUpdate());
        long start = System.nanoTime();
        int planned = planner.planAll();
        double elapsed = seconds(start);
        long deliveries = pending();
        print("PLANNING: %,d notices planned into %,d deliveries in %.2f s: %,.0f notices/s, %,.0f deliveries/s", planned, deliveries,
                elapsed, planned / elapsed, deliveries / elapsed);
    }

    private void deliver(Receiver receiver) {
        long deliveries = pending();
        long start = System.nanoTime();
        while (pending() > 0) {
            sender.sendDue();
        }
        double elapsed = seconds(start);
        print("DELIVERY: %,d webhooks delivered in %.2f s: %,.0f webhooks/s; target 1,000 (received %,d, %,d distinct ids, %,d bad signatures)",
                deliveries, elapsed, deliveries / elapsed, receiver.received.get(), receiver.ids.size(), receiver.badSignatures.get());
        assertThat(receiver.ids).hasSize((int) deliveries);
        assertThat(receiver.received.get()).isEqualTo((int) deliveries);
        assertThat(receiver.badSignatures.get()).isZero();
    }

    /** The changes of one batch that some subscription wants, where the batch ended and how many changes it read. */
    private record Batch(long last, int read, List<MatchedChange> matched) {
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from delivery where status = 'pending'")
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private SubscriptionMix.Terms terms() {
        List<Map<String, List<String>>> corpus = new ArrayList<>();
        for (NoticeContent notice : corpus()) {
            Map<String, List<String>> byDimension = new HashMap<>();
            byDimension.put("platform", notice.platforms());
            byDimension.put("rule", notice.rules().stream().filter(r -> r.contains(":")).toList());
            byDimension.put("instrument", notice.rules().stream().map(r -> r.contains(":") ? r.substring(0, r.indexOf(':')) : r).distinct().toList());
            byDimension.put("authority", List.of(notice.authority()));
            byDimension.put("type", List.of(notice.type()));
            byDimension.put("jurisdiction", List.of(notice.jurisdiction()));
            byDimension.put("proceeding", notice.proceeding() == null ? List.of() : List.of(notice.proceeding()));
            corpus.add(byDimension);
        }
        return new SubscriptionMix.Terms(strings("select id from platform order by id"), strings("select id from authority order by id"),
                strings("select code from instrument order by code"),
                strings("select instrument_code || ':' || number from provision order by 1"),
                strings("select id from proceeding order by id"), strings("select distinct type from notice order by 1"),
                strings("select distinct jurisdiction from notice order by 1"), corpus);
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private List<NoticeContent> corpus() {
        return ((List<Object>) em.createNativeQuery("select r.snapshot from notice_revision r join notice n on n.id = r.notice_id"
                        + " where r.number = n.revision and n.status = 'published' and n.slug not like 'bench-%' order by n.id").getResultList())
                .stream().map(s -> NoticeSnapshots.fromJson(s.toString())).toList();
    }

    /**
     * Inserts the subscriptions directly (setup, not measured), as {@link SubscriptionService#create} would store them,
     * all stamped with one {@link SubscriptionVersions} number; answers their secrets.
     */
    private Map<String, String> subscribe(long ownerId, int count, SubscriptionMix mix, Random random, Receiver receiver) {
        long version = versions.next();
        long head = log.head();
        Map<String, String> secrets = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into subscription (id, owner_token_id, owner_name, channel,"
                    + " target, filter_json, events, status, secret, start_after, created_at, updated_at, index_version)"
                    + " values (?, ?, 'bench', 'webhook', ?, ?, ?, 'active', ?, ?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
                for (int i = 0; i < count; i++) {
                    String id = String.format("sub_bench%07d", i);
                    Map<String, List<String>> f = mix.filter(i, count, random);
                    SubscriptionFilter filter = new SubscriptionFilter(f.get("platform"), f.get("rule"), f.get("authority"), f.get("type"),
                            f.get("jurisdiction"), f.get("proceeding"), null, null, f.containsKey("q") ? f.get("q").get(0) : null);
                    String secret = WebhookSignature.newSecret();
                    secrets.put(id, secret);
                    insert.setString(1, id);
                    insert.setLong(2, ownerId);
                    insert.setString(3, receiver.url("/hooks/" + id));
                    insert.setString(4, json.writeValueAsString(filter));
                    insert.setString(5, random.nextInt(4) == 0 ? "notice.new,notice.revised,notice.withdrawn" : "notice.new");
                    insert.setString(6, secret);
                    insert.setLong(7, head);
                    insert.setObject(8, now);
                    insert.setObject(9, now);
                    insert.setLong(10, version);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return secrets;
    }

    private void print(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("BENCH " + line);
    }

    private static int at(List<Integer> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(quantile * (sorted.size() - 1))));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    /** A webhook receiver as a subscriber would run one: keeps connections alive, checks each signature, answers 204. */
    static final class Receiver implements AutoCloseable {
        final Map<String, String> secrets = new ConcurrentHashMap<>();
        final Map<String, Boolean> ids = new ConcurrentHashMap<>();
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            server.createContext("/hooks/", this::handle);
            server.setExecutor(threads);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String secret = secrets.get(path.substring(path.lastIndexOf('/') + 1));
                if (secret == null || !SpecVerifier.verifies(secret, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                        exchange.getRequestHeaders().getFirst("webhook-signature"), 300)) {
                    badSignatures.incrementAndGet();
                }
                received.incrementAndGet();
                ids.put(id, Boolean.TRUE);
                exchange.sendResponseHeaders(204, -1);
                OutputStream ignored = exchange.getResponseBody();
                ignored.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
