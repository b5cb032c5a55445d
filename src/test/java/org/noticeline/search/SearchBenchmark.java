package org.noticeline.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.corpus.synthetic.SyntheticCorpus;
import org.noticeline.corpus.synthetic.SyntheticNotices;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.harness.ServiceProcesses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search benchmark of [7/9] (not a test: it runs only with {@code NOTICELINE_BENCHMARK=true}; see
 * {@code src/main/docs/performance.md}, "Search at 100,000 notices"). On a fresh database it:
 * <ol>
 * <li>writes {@code NOTICELINE_BENCHMARK_SEARCH_NOTICES} (100,000) synthetic notices through {@link SyntheticCorpus} (the
 *     bulk load), and before that {@code NOTICELINE_BENCHMARK_SINGLE_NOTICES} (1,000) one create per transaction;</li>
 * <li>times a full rebuild of the index ({@link SearchIndex#rebuild()});</li>
 * <li>runs a fixed {@link #MIX} of queries through {@link NoticeSearch#search} (what {@code GET /api/search} runs: facets,
 *     snippets, 20 hits), 10 warm-up rounds and 30 timed, p50/p95/p99;</li>
 * <li>times how long a notice written through {@link NoticeService#create} takes to become searchable (10 notices);</li>
 * <li>on PostgreSQL, answers the same mix with full-text search ({@code tsvector}, GIN, {@code websearch_to_tsquery},
 *     {@code ts_rank}, {@code ts_headline}, facet counts by {@code GROUP BY}) on the same notices, in a table the benchmark
 *     makes itself, and reports the ratio.</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(SearchBenchmark.Profile.class)
@EnabledIfEnvironmentVariable(named = "NOTICELINE_BENCHMARK", matches = "true")
class SearchBenchmark {

    /** Nothing but the benchmark and the index's own follower competes for the cores. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noticeline.subscriptions.enabled", "false", "noticeline.email.enabled", "false",
                    "quarkus.log.category.\"org.noticeline\".level", "WARN");
        }
    }

    /** A service that has answered a few hundred queries: the JIT has compiled the search's loops. */
    private static final int WARMUP = 10;
    private static final int ROUNDS = 30;
    private static final int LIMIT = 20;
    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    private static final LocalDate TO = LocalDate.of(2021, 12, 31);

    /**
     * One query of the mix: what a visitor types (and the timeline filters), and the same question for PostgreSQL: the
     * text for {@code websearch_to_tsquery} (or a {@code to_tsquery} prefix), plus a condition on the notice {@code n}.
     */
    record Mix(String q, List<String> platforms, List<String> rules, LocalDate from, LocalDate to, String pgText, boolean pgPrefix, String pgWhere) {
        static Mix of(String q, String pgText, String pgWhere) {
            return new Mix(q, List.of(), List.of(), null, null, pgText, false, pgWhere);
        }
    }

    static final List<Mix> MIX = List.of(
            Mix.of("risk assessment", "risk assessment", null),
            Mix.of("age verification minors", "age verification minors", null),
            Mix.of("\"recommender systems\"", "\"recommender systems\"", null),
            Mix.of("rule:DSA:34", null, "exists (select 1 from notice_rule r where r.notice_id = n.id and r.rule_key = 'DSA:34')"),
            Mix.of("rule:DSA:40 data access", "data access", "exists (select 1 from notice_rule r where r.notice_id = n.id and r.rule_key = 'DSA:40')"),
            Mix.of("platform:tiktok age verification", "age verification", "exists (select 1 from notice_platform p where p.notice_id = n.id and p.platform_id = 'tiktok')"),
            new Mix("verif*", List.of(), List.of(), null, null, "verif", true, null),
            Mix.of("(fines OR penalty) AND platform:x", "fines or penalty", "exists (select 1 from notice_platform p where p.notice_id = n.id and p.platform_id = 'x')"),
            Mix.of("disinformation -election", "disinformation -election", null),
            new Mix("transparency", List.of(), List.of(), FROM, TO, "transparency", false, "n.notice_date between date '2020-01-01' and date '2021-12-31'"),
            new Mix("illegal content", List.of("facebook"), List.of(), null, null, "illegal content",
                    false, "exists (select 1 from notice_platform p where p.notice_id = n.id and p.platform_id = 'facebook')"),
            Mix.of("Jugendschutz", "Jugendschutz", null),
            Mix.of("désinformation", "désinformation", null),
            Mix.of("\"protection of minors\" platform:instagram", "\"protection of minors\"",
                    "exists (select 1 from notice_platform p where p.notice_id = n.id and p.platform_id = 'instagram')"),
            Mix.of("authority:ofcom complaint handling", "complaint handling", "n.authority_id = 'ofcom'"),
            Mix.of("type:fine date:[2022 TO 2024] advertising", "advertising", "n.type = 'fine' and n.notice_date between date '2022-01-01' and date '2024-12-31'"),
            new Mix("", List.of(), List.of("DSA:28"), FROM, TO, null, false,
                    "exists (select 1 from notice_rule r where r.notice_id = n.id and r.rule_key = 'DSA:28') and n.notice_date between date '2020-01-01' and date '2021-12-31'"),
            Mix.of("court judgment", "court judgment", null),
            Mix.of("counterfeit products marketplace", "counterfeit products marketplace", null),
            Mix.of("instrument:GDPR consent tracking", "consent tracking",
                    "exists (select 1 from notice_rule r where r.notice_id = n.id and r.instrument_code = 'GDPR')"));

    /** The facet dimensions the index counts, as PostgreSQL counts them over the matched notices {@code m}. */
    private static final List<String> PG_FACETS = List.of(
            "select p.platform_id as value from m join notice_platform p on p.notice_id = m.id",
            "select r.rule_key as value from m join notice_rule r on r.notice_id = m.id",
            "select distinct r.notice_id, r.instrument_code as value from m join notice_rule r on r.notice_id = m.id",
            "select m.authority_id as value from m", "select m.type as value from m", "select m.jurisdiction as value from m",
            "select cast(extract(year from m.notice_date) as varchar) as value from m");

    @Inject
    SyntheticCorpus corpus;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticeService notices;
    @Inject
    NoticeSearch search;
    @Inject
    SearchIndex index;
    @Inject
    EntityManager em;
    @Inject
    org.noticeline.changelog.ChangeLog log;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final List<String> report = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        int count = Integer.parseInt(System.getenv().getOrDefault("NOTICELINE_BENCHMARK_SEARCH_NOTICES", "100000"));
        int singles = Integer.parseInt(System.getenv().getOrDefault("NOTICELINE_BENCHMARK_SINGLE_NOTICES", "1000"));
        long seed = 1;
        line("db %s, %d notices, %d cores, load average %s", dbKind, count, Runtime.getRuntime().availableProcessors(), loadAverage());

        // The write path before [7/9]'s batches: one create, one transaction, per notice (notices of another seed).
        SyntheticNotices single = new SyntheticNotices(catalog.catalog(), seed + 1);
        NoticeService.Author author = NoticeService.Author.of("benchmark", NoticeOrigin.API);
        long started = System.nanoTime();
        for (NoticeContent content : single.make(0, singles)) {
            notices.create(content, author, null);
        }
        double singleSeconds = (System.nanoTime() - started) / 1e9;
        line("single creates: %d notices in %.1f s: %.0f notices/s", singles, singleSeconds, singles / singleSeconds);

        started = System.nanoTime();
        List<NoticeContent> made = new SyntheticNotices(catalog.catalog(), seed).make(0, count);
        double makeSeconds = (System.nanoTime() - started) / 1e9;
        line("generated: %d notices in %.1f s: %.0f notices/s (one thread), %.0f words per body on average", count, makeSeconds, count / makeSeconds,
                made.stream().mapToInt(n -> n.body().split("\\s+").length).average().orElse(0));
        SyntheticCorpus.LoadReport load = corpus.write(made, Runtime.getRuntime().availableProcessors());
        made = null;
        line("bulk load: %d notices in %.1f s: %.0f notices/s (batches of %d, %d writers; the index follows meanwhile)", load.created(),
                load.millis() / 1000.0, load.perSecond(), SyntheticCorpus.BATCH, Runtime.getRuntime().availableProcessors());
        long waitStart = System.nanoTime();
        awaitIndexed();
        line("index caught up with the log %.1f s after the load", (System.nanoTime() - waitStart) / 1e9);

        started = System.nanoTime();
        index.rebuild().join();
        line("full rebuild: %.1f s (%d notices)", (System.nanoTime() - started) / 1e9, count + singles);

        List<Double> lucene = run("lucene", this::lucene);
        freshness(author);
        if (dbKind.startsWith("postgres")) {
            started = System.nanoTime();
            prepareFts();
            line("postgresql: tsvector table and GIN index built in %.1f s", (System.nanoTime() - started) / 1e9);
            List<Double> postgres = run("postgresql", this::postgres);
            line("ratio postgresql / lucene: p50 %.1f, p95 %.1f, p99 %.1f", percentile(postgres, 50) / percentile(lucene, 50),
                    percentile(postgres, 95) / percentile(lucene, 95), percentile(postgres, 99) / percentile(lucene, 99));
        }
        line("load average at the end %s", loadAverage());
        Path out = Path.of("target", "search-benchmark.txt");
        Files.write(out, report);
        System.out.println("(also in " + out.toAbsolutePath() + ")");
    }

    /** Warm-up rounds, then timed rounds of the whole mix; each query's milliseconds, and its hits in the first round. */
    private List<Double> run(String engine, QueryRunner runner) throws Exception {
        for (int round = 0; round < WARMUP; round++) {
            for (Mix mix : MIX) {
                runner.run(mix);
            }
        }
        List<Double> millis = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Mix mix : MIX) {
                long t = System.nanoTime();
                long total = runner.run(mix);
                millis.add((System.nanoTime() - t) / 1e6);
                if (round == 0) {
                    totals.add(mix.q() + "=" + total);
                }
            }
        }
        line("%s: %d queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", engine, millis.size(), percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), percentile(millis, 100));
        line("%s hits: %s", engine, String.join("; ", totals));
        List<String> slowest = new ArrayList<>();
        for (int i = 0; i < MIX.size(); i++) {
            List<Double> one = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                one.add(millis.get(round * MIX.size() + i));
            }
            slowest.add(String.format("%8.2f ms  %s", percentile(one, 50), MIX.get(i).q()));
        }
        slowest.sort(Collections.reverseOrder());
        line("%s medians, slowest first: %s", engine, String.join(" |", slowest.subList(0, 6)));
        return millis;
    }

    interface QueryRunner {
        long run(Mix mix) throws Exception;
    }

    private long lucene(Mix mix) {
        NoticeFilter filter = new NoticeFilter(mix.platforms(), mix.rules(), List.of(), List.of(), List.of(), List.of(), List.of(), mix.from(), mix.to(),
                false, LIMIT, null);
        SearchResult result = search.search(new SearchRequest(mix.q(), filter, SearchSort.RELEVANCE, null, null));
        assertThat(result.facets()).isNotEmpty();
        return result.total();
    }

    /** The index's answer in SQL: hits ranked with snippets, the total, and the seven facets' top values. */
    private long postgres(Mix mix) {
        String query = mix.pgText() == null ? null
                : mix.pgPrefix() ? "to_tsquery('simple', ?)" : "websearch_to_tsquery('simple', ?)";
        String where = "n.status = 'published'" + (query == null ? "" : " and f.tsv @@ q.q") + (mix.pgWhere() == null ? "" : " and " + mix.pgWhere());
        String matched = "with q as (select " + (query == null ? "null::tsquery" : query) + " as q), m as materialized ("
                + "select n.id, n.notice_date, n.authority_id, n.type, n.jurisdiction, " + (query == null ? "0" : "ts_rank(f.tsv, q.q)") + " as rank"
                + " from bench_fts f join notice n on n.id = f.id, q where " + where + ") ";
        String text = mix.pgText() == null ? null : mix.pgPrefix() ? mix.pgText() + ":*" : mix.pgText();
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            String hits = matched + "select t.id, " + (query == null ? "null" : "ts_headline('simple', n.body, q.q, 'MaxFragments=3, MaxWords=30, MinWords=10')")
                    + " from (select id, rank, notice_date from m order by rank desc, notice_date desc, id desc limit " + (LIMIT + 1) + ") t"
                    + " join notice n on n.id = t.id, q order by t.rank desc, t.notice_date desc, t.id desc";
            StringBuilder facets = new StringBuilder(matched);
            facets.append("select -1, cast(count(*) as text), 0 from m");
            for (int i = 0; i < PG_FACETS.size(); i++) {
                facets.append(" union all (select ").append(i).append(", cast(v.value as text), count(*) from (").append(PG_FACETS.get(i))
                        .append(") v group by v.value order by count(*) desc limit 20)");
            }
            long total = 0;
            try (PreparedStatement statement = connection.prepareStatement(hits)) {
                if (text != null) {
                    statement.setString(1, text);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(facets.toString())) {
                if (text != null) {
                    statement.setString(1, text);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getInt(1) == -1) {
                            total = Long.parseLong(rows.getString(2));
                        }
                    }
                }
            }
            return total;
        }));
    }

    private void prepareFts() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("drop table if exists bench_fts").executeUpdate();
            em.createNativeQuery("create table bench_fts as select id, to_tsvector('simple', title || ' ' || coalesce(summary, '') || ' ' || body) as tsv"
                    + " from notice where status in ('published', 'withdrawn')").executeUpdate();
            em.createNativeQuery("alter table bench_fts add primary key (id)").executeUpdate();
            em.createNativeQuery("create index ix_bench_fts on bench_fts using gin (tsv)").executeUpdate();
            em.createNativeQuery("analyze bench_fts").executeUpdate();
        });
    }

    /** A new notice with a word of its own, written through the write path; how long until a search finds it. */
    private void freshness(NoticeService.Author author) {
        SyntheticNotices fresh = new SyntheticNotices(catalog.catalog(), 99);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String word = "zqfresh" + i + "x" + System.nanoTime();
            NoticeContent base = fresh.notice(i);
            NoticeContent content = new NoticeContent(base.slug(), base.title(), base.date(), base.type(), base.authority(), base.jurisdiction(),
                    base.platforms(), base.rules(), base.proceeding(), base.language(), base.summary(), base.sources(), base.body() + "\n\nMarker " + word + ".");
            NoticeFilter filter = new NoticeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, LIMIT, null);
            notices.create(content, author, null);
            long committed = System.nanoTime();
            while (search.search(new SearchRequest(word, filter, SearchSort.RELEVANCE, null, null)).total() == 0) {
                assertThat(System.nanoTime() - committed).as("searchable within a minute").isLessThan(60_000_000_000L);
                ServiceProcesses.sleep(5);
            }
            millis.add((System.nanoTime() - committed) / 1e6);
        }
        line("new notice searchable after commit: median %.0f ms, max %.0f ms (10 notices, polled)", percentile(millis, 50), percentile(millis, 100));
    }

    private void awaitIndexed() {
        while (!index.ready() || index.position() < log.head()) {
            ServiceProcesses.sleep(200);
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int at = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, at)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        String text = "BENCH " + String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
