package org.noticeline.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NoticeFilter#match} (in memory, for following changes) selects exactly what {@link NoticeQuery} selects in
 * the database, over the shipped corpus and a few hundred filters made from the values it holds.
 */
@QuarkusTest
class NoticeFilterMatchTest {

    @Test
    void matchingInMemoryAgreesWithTheQuery() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Notice> published = Notice.<Notice>list("status", NoticeStatus.PUBLISHED);
            assertThat(published).hasSizeGreaterThan(40);
            List<String> platforms = values(published, n -> n.platformIds());
            List<String> ruleKeys = values(published, n -> n.ruleKeys());
            List<String> instruments = values(published, n -> n.rules.stream().map(r -> r.instrumentCode).toList());
            List<String> authorities = values(published, n -> List.of(n.authority.id));
            List<String> types = values(published, n -> List.of(n.type));
            List<String> jurisdictions = values(published, n -> List.of(n.jurisdiction));
            List<String> proceedings = values(published, n -> n.proceeding == null ? List.of() : List.of(n.proceeding.id));
            Random random = new Random(8);
            int compared = 0;
            for (int i = 0; i < 300; i++) {
                LocalDate from = random.nextInt(3) == 0 ? LocalDate.of(2018 + random.nextInt(8), 1 + random.nextInt(12), 1) : null;
                NoticeFilter filter = new NoticeFilter(some(random, platforms), some(random, ruleKeys), some(random, instruments),
                        some(random, authorities), some(random, types), some(random, jurisdictions), some(random, proceedings),
                        from, from != null && random.nextBoolean() ? from.plusMonths(random.nextInt(30)) : null, false, 10_000, null);
                Set<String> queried = NoticeQuery.run(filter).items().stream().map(n -> n.slug).collect(Collectors.toCollection(TreeSet::new));
                Set<String> matched = published.stream().filter(n -> filter.match(n).isPresent()).map(n -> n.slug)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(matched).as(filter.toString()).isEqualTo(queried);
                compared += queried.isEmpty() ? 0 : 1;
            }
            assertThat(compared).as("filters that select something").isGreaterThan(50);
        });
    }

    @Test
    void theMatchSaysWhichTermsMatched() {
        QuarkusTransaction.requiringNew().run(() -> {
            Notice notice = Notice.<Notice>list("status", NoticeStatus.PUBLISHED).stream()
                    .filter(n -> !n.platformIds().isEmpty() && !n.rules.isEmpty()).findFirst().orElseThrow();
            String platform = notice.platformIds().get(0);
            String instrument = notice.rules.get(0).instrumentCode;
            NoticeFilter filter = new NoticeFilter(List.of(platform, "no-such-platform"), List.of(), List.of(instrument), List.of(),
                    List.of(), List.of(), List.of(), null, null, false, 1, null);
            assertThat(filter.match(notice)).hasValueSatisfying(terms -> {
                assertThat(terms).containsOnlyKeys("platform", "rule");
                assertThat(terms.get("platform")).containsExactly(platform);
                assertThat(terms.get("rule")).containsExactly(instrument);
            });
        });
    }

    private static List<String> values(List<Notice> notices, java.util.function.Function<Notice, List<String>> of) {
        return notices.stream().flatMap(n -> of.apply(n).stream()).distinct().sorted().toList();
    }

    /** Mostly nothing (no constraint), sometimes one or two values. */
    private static List<String> some(Random random, List<String> values) {
        if (values.isEmpty() || random.nextInt(4) != 0) {
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            chosen.add(values.get(random.nextInt(values.size())));
        }
        return chosen;
    }
}
