package org.noticeline.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.corpus.synthetic.SyntheticCorpus;
import org.noticeline.corpus.synthetic.SyntheticNotices;
import org.noticeline.notice.LinkTally.Dimension;
import org.noticeline.notice.LinkTally.Years;

import java.time.LocalDate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally the write path keeps is the record counted: after creates, revisions that move a notice to other
 * platforms, rules and years, withdrawals, restores, drafts published and discarded, and on a database whose notices
 * predate it once the start-up pass has tallied them. The record is the whole test database, so the comparison also
 * covers what every other test wrote; so do the pairs (platform and instrument, and so on) that the matrix and the
 * citation panels read. Notices of 1975 and 1976, which no other test uses.
 */
@QuarkusTest
class LinkTallyTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final NoticeService.Author AUTHOR = NoticeService.Author.of("tally-test", NoticeOrigin.API);

    @Inject
    NoticeService notices;
    @Inject
    LinkTally tally;
    @Inject
    EntityManager em;
    @Inject
    SyntheticCorpus corpus;
    @Inject
    CatalogStore catalog;

    private static NoticeContent content(String slug, String date, List<String> platforms, List<String> rules, String authority, String proceeding) {
        return new NoticeContent(slug, "Tally test " + slug, date, "request-for-information", authority,
                "ofcom".equals(authority) ? "UK" : "EU", platforms, rules, proceeding, "en", null,
                List.of("https://example.org/tally"), "A notice written to check the tally.");
    }

    @Test
    void everyKindOfChangeKeepsTheTallyEqualToTheRecordCounted() {
        String a = "tally-a-" + RUN;
        String b = "tally-b-" + RUN;
        String draft = "tally-draft-" + RUN;
        String turnedDown = "tally-discarded-" + RUN;
        Map<String, Long> before = tally.counts(Dimension.PLATFORM);

        notices.create(content(a, "1975-03-01", List.of("x", "tiktok"), List.of("DSA:34", "DSA:35"), "european-commission", "ec-dsa-x"), AUTHOR, null);
        notices.createAll(List.of(content(b, "1975-05-01", List.of("x"), List.of("DSA:34"), "european-commission", null)), AUTHOR);
        assertThat(tally.counts(Dimension.PLATFORM).get("tiktok")).isEqualTo(before.getOrDefault("tiktok", 0L) + 1);
        assertThat(tally.counts(Dimension.PLATFORM).get("x")).isEqualTo(before.getOrDefault("x", 0L) + 2);
        assertTallyIsTheRecord();
        // The reads of pairs and years: only this test writes DSA:34 and DSA:35 in 1975.
        Years of1975 = new Years(1975, 1975);
        assertThat(tally.pairs(Dimension.RULE_PLATFORM, "DSA:34", of1975)).isEqualTo(Map.of("x", 2L, "tiktok", 1L));
        assertThat(tally.pairs(Dimension.RULE_PLATFORM, "DSA:3", of1975)).as("a key is not a prefix of longer ones").isEmpty();
        assertThat(tally.startingWith(Dimension.TYPE_PLATFORM, "", of1975)).containsEntry("request-for-information|tiktok", 1L);
        assertThat(tally.years(Dimension.RULE, "DSA:35", Years.ALL)).containsEntry(1975, 1L);
        assertThat(tally.months(Dimension.AUTHORITY_PLATFORM_MONTH, "european-commission", of1975)).as("months counted from year 0")
                .contains(new LinkTally.MonthCount("tiktok", 1975 * 12 + 2, 1), new LinkTally.MonthCount("x", 1975 * 12 + 4, 1));
        assertThat(tally.months(Dimension.PLATFORM_PROCEEDING_MONTH, "x", of1975)).as("a notice in no case, in the lane of none")
                .contains(new LinkTally.MonthCount("ec-dsa-x", 1975 * 12 + 2, 1), new LinkTally.MonthCount(null, 1975 * 12 + 4, 1));

        // Another year, platform, rules, authority and no case: every old entry is taken back.
        notices.replace(content(a, "1976-07-01", List.of("facebook"), List.of("UK-OSA:102"), "ofcom", null), true, null, AUTHOR, null);
        assertThat(tally.counts(Dimension.PLATFORM).get("tiktok")).isEqualTo(before.getOrDefault("tiktok", 0L));
        assertThat(tally.pairs(Dimension.RULE_PLATFORM, "DSA:34", of1975)).isEqualTo(Map.of("x", 1L));
        assertTallyIsTheRecord();

        notices.withdraw(b, "a test withdrawal", null, "tally-test");
        assertThat(tally.counts(Dimension.PLATFORM).get("x")).isEqualTo(before.getOrDefault("x", 0L));
        assertTallyIsTheRecord();
        notices.restore(b, "back", null, "tally-test");
        assertTallyIsTheRecord();

        // Drafts count only once published.
        notices.upsert(content(draft, "1976-01-05", List.of("x"), List.of("DSA:40"), "european-commission", null), AUTHOR, NoticeStatus.DRAFT);
        notices.upsert(content(turnedDown, "1976-01-06", List.of("x"), List.of("DSA:40"), "european-commission", null), AUTHOR, NoticeStatus.DRAFT);
        assertTallyIsTheRecord();
        notices.publish(draft, "tally-test");
        notices.discard(turnedDown, "not a notice", "tally-test");
        assertTallyIsTheRecord();
        assertThat(yearsOf("rule", "DSA:40")).containsEntry(1976, 1L);
    }

    @Test
    void theTallyCountsAFilterOnlyInWholeYearsAndOnWhatItKeeps() {
        assertThat(Years.of(filter(null, null, List.of(), false))).contains(Years.ALL);
        assertThat(Years.of(filter(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), List.of(), false))).contains(new Years(2024, 2025));
        assertThat(Years.of(filter(LocalDate.of(2024, 1, 2), null, List.of(), false))).isEmpty();
        assertThat(Years.of(filter(null, LocalDate.of(2024, 12, 30), List.of(), false))).isEmpty();
        assertThat(Years.of(filter(null, LocalDate.MAX, List.of(), false))).as("the last day there is").contains(new Years(Years.ALL.from(), LocalDate.MAX.getYear()));
        assertThat(Years.of(filter(null, null, List.of("ofcom"), false))).as("an authority is not a pair").isEmpty();
        assertThat(Years.of(filter(null, null, List.of(), true))).as("withdrawn notices are not tallied").isEmpty();
    }

    private static NoticeFilter filter(LocalDate from, LocalDate to, List<String> authorities, boolean withdrawn) {
        return new NoticeFilter(List.of("x"), List.of("DSA:34"), List.of(), authorities, List.of(), List.of(), List.of(), from, to, withdrawn, 0, null);
    }

    @Test
    void writersOfTheSameRowsAtOnceLoseNoCount() {
        // Two writers, batches of 500 notices of one year: every batch adds to the same authority, platform and rule rows.
        SyntheticNotices synthetic = new SyntheticNotices(catalog.catalog(), System.currentTimeMillis(), LocalDate.of(1976, 1, 1), LocalDate.of(1976, 12, 31));
        assertThat(corpus.load(synthetic, 2_000, 2).created()).isEqualTo(2_000);
        assertTallyIsTheRecord();
    }

    @Test
    void aDatabaseFromBeforeTheTallyIsTalliedByTheStartUpPass() {
        notices.create(content("tally-old-" + RUN, "1975-09-09", List.of("instagram"), List.of("DSA:28"), "european-commission", null), AUTHOR, null);
        Map<String, Long> counted = tally.counts(Dimension.RULE);
        QuarkusTransaction.requiringNew().run(() -> {
            // As the migration leaves it: no tally, no notice tallied, the pass not done.
            em.createNativeQuery("update notice set tallied = null").executeUpdate();
            em.createNativeQuery("delete from link_tally").executeUpdate();
            em.createNativeQuery("delete from app_milestone where name = ?1").setParameter(1, LinkTally.FILLED).executeUpdate();
        });
        tally.forgetComplete();
        assertThat(tally.complete()).isFalse();
        assertThat(tally.counts(Dimension.RULE)).isEmpty();

        tally.fill();
        assertThat(tally.complete()).isTrue();
        assertThat(tally.counts(Dimension.RULE)).isEqualTo(counted);
        assertTallyIsTheRecord();
    }

    /** Every (dimension, key, year) the tally holds, and none it lacks, against the published notices counted. */
    private void assertTallyIsTheRecord() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> counted = new TreeMap<>();
            String published = " where n.status = 'published'";
            counted.putAll(rows("select 'platform', l.platform_id, extract(year from n.notice_date), count(*) from notice n"
                    + " join notice_platform l on l.notice_id = n.id" + published + " group by l.platform_id, extract(year from n.notice_date)"));
            counted.putAll(rows("select 'rule', l.rule_key, extract(year from n.notice_date), count(*) from notice n"
                    + " join notice_rule l on l.notice_id = n.id" + published + " group by l.rule_key, extract(year from n.notice_date)"));
            counted.putAll(rows("select 'instrument', l.instrument_code, extract(year from n.notice_date), count(distinct n.id) from notice n"
                    + " join notice_rule l on l.notice_id = n.id" + published + " group by l.instrument_code, extract(year from n.notice_date)"));
            String join = " join notice_platform p on p.notice_id = n.id join notice_rule r on r.notice_id = n.id";
            String year = ", extract(year from n.notice_date)";
            counted.putAll(rows("select 'instrument-platform', r.instrument_code || '|' || p.platform_id" + year + ", count(distinct n.id) from notice n"
                    + join + published + " group by r.instrument_code, p.platform_id" + year));
            counted.putAll(rows("select 'rule-platform', r.rule_key || '|' || p.platform_id" + year + ", count(*) from notice n"
                    + join + published + " group by r.rule_key, p.platform_id" + year));
            counted.putAll(rows("select 'type-platform', n.type || '|' || p.platform_id" + year + ", count(*) from notice n"
                    + " join notice_platform p on p.notice_id = n.id" + published + " group by n.type, p.platform_id" + year));
            String pairOfRules = " join notice_rule r on r.notice_id = n.id join notice_rule o on o.notice_id = n.id";
            counted.putAll(rows("select 'instrument-rule', r.instrument_code || '|' || o.rule_key" + year + ", count(distinct n.id) from notice n"
                    + pairOfRules + published + " and o.instrument_code <> r.instrument_code group by r.instrument_code, o.rule_key" + year));
            counted.putAll(rows("select 'authority', n.authority_id, extract(year from n.notice_date), count(*) from notice n"
                    + published + " group by n.authority_id, extract(year from n.notice_date)"));
            String month = " || '|' || cast(extract(month from n.notice_date) as varchar)";
            for (String byMonth : List.of("'authority-platform-month', n.authority_id || '|' || p.platform_id" + month,
                    "'platform-proceeding-month', p.platform_id || '|' || coalesce(n.proceeding_id, '')" + month)) {
                String key = byMonth.substring(byMonth.indexOf(',') + 1);
                counted.putAll(rows("select " + byMonth + year + ", count(*) from notice n join notice_platform p on p.notice_id = n.id"
                        + published + " group by " + key + year));
            }
            counted.putAll(rows("select 'proceeding', n.proceeding_id, extract(year from n.notice_date), count(*) from notice n"
                    + published + " and n.proceeding_id is not null group by n.proceeding_id, extract(year from n.notice_date)"));
            Map<String, Long> tallied = new TreeMap<>(rows("select dimension, item_key, notice_year, notices from link_tally where notices <> 0"));
            assertThat(counted).isNotEmpty();
            assertThat(tallied).isEqualTo(counted);
        });
    }

    private Map<Integer, Long> yearsOf(String dimension, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, Long> years = new TreeMap<>();
            rows("select dimension, item_key, notice_year, notices from link_tally where dimension = '" + dimension + "' and item_key = '" + key + "'")
                    .forEach((k, v) -> years.put(Integer.parseInt(k.substring(k.lastIndexOf(' ') + 1)), v));
            return years;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> rows(String sql) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            counts.put(row[0] + " " + row[1] + " " + ((Number) row[2]).intValue(), ((Number) row[3]).longValue());
        }
        return counts;
    }
}
