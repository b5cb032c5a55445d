package org.noticeline.corpus.synthetic;

import org.junit.jupiter.api.Test;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.corpus.CatalogReader;
import org.noticeline.domain.ConflictException;
import org.noticeline.linking.Extraction;
import org.noticeline.linking.Linker;
import org.noticeline.linking.LinkingContext;
import org.noticeline.linking.PlatformMention;
import org.noticeline.linking.RuleMention;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeValidator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthetic corpus is the same for the same seed, valid, and as dense in citations and platforms as it says. */
class SyntheticNoticesTest {

    private static final Catalog CATALOG = CatalogReader.read(Path.of("notices/catalog"));
    private static final int N = 2_000;

    @Test
    void theSameSeedMakesTheSameNoticesInAnyOrderOfMaking() {
        SyntheticNotices notices = new SyntheticNotices(CATALOG, 7);
        List<NoticeContent> all = notices.make(0, 100);
        assertThat(new SyntheticNotices(CATALOG, 7).make(50, 50)).isEqualTo(all.subList(50, 100));
        assertThat(new SyntheticNotices(CATALOG, 8).make(0, 100)).isNotEqualTo(all);
        assertThat(all.stream().map(NoticeContent::slug).distinct()).hasSize(100);
    }

    @Test
    void everyNoticeIsValidAgainstTheCatalog() {
        for (NoticeContent notice : new SyntheticNotices(CATALOG, 1).make(0, N)) {
            assertThat(NoticeValidator.validate(notice, CATALOG)).as(notice.slug()).isEmpty();
        }
    }

    @Test
    void densitiesDatesAndLanguagesAreRealistic() {
        List<NoticeContent> notices = new SyntheticNotices(CATALOG, 1, LocalDate.of(1994, 1, 1), LocalDate.of(1995, 12, 31)).make(0, N);
        double rules = notices.stream().mapToInt(n -> n.rules().size()).average().orElseThrow();
        assertThat(rules).isBetween(1.5, 3.0);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.rules()).hasSizeLessThanOrEqualTo(6);
            assertThat(n.platforms()).hasSizeBetween(1, 2);
            assertThat(LocalDate.parse(n.date())).isBetween(LocalDate.of(1994, 1, 1), LocalDate.of(1995, 12, 31));
            assertThat(n.body().split("\\s+").length).as(n.slug()).isBetween(150, 1_000);
        });
        double words = notices.stream().mapToInt(n -> n.body().split("\\s+").length).average().orElseThrow();
        assertThat(words).isBetween(250.0, 700.0);
        Map<String, Long> languages = notices.stream().collect(Collectors.groupingBy(NoticeContent::language, Collectors.counting()));
        assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "de", "fr", "pt");
        assertThat(languages.get("en")).isBetween(N * 70L / 100, N * 90L / 100);
        // No proceeding had opened by 1995; over the default ten years a few percent of the notices belong to one (the catalog has 18).
        assertThat(notices).allSatisfy(n -> assertThat(n.proceeding()).isNull());
        assertThat(new SyntheticNotices(CATALOG, 1).make(0, N).stream().filter(n -> n.proceeding() != null).count()).isBetween(N / 100L, N / 5L);
        assertThat(notices.stream().map(NoticeContent::authority).distinct().count()).isEqualTo(CATALOG.authorities().size());
    }

    @Test
    void linkingFindsTheCitedProvisionsAndPlatformsInTheBody() {
        Linker linker = Linker.from(CATALOG);
        int curated = 0;
        int found = 0;
        int platforms = 0;
        int platformsFound = 0;
        for (NoticeContent notice : new SyntheticNotices(CATALOG, 3).make(0, 500)) {
            Extraction extraction = linker.extract(notice.body(), new LinkingContext(notice.jurisdiction(), notice.authority(),
                    notice.rules().stream().map(k -> k.substring(0, k.indexOf(':'))).distinct().toList()));
            Set<String> rules = extraction.rules().stream().map(RuleMention::key).collect(Collectors.toSet());
            Set<String> named = extraction.platforms().stream().map(PlatformMention::id).collect(Collectors.toSet());
            curated += notice.rules().size();
            found += (int) notice.rules().stream().filter(rules::contains).count();
            platforms += notice.platforms().size();
            platformsFound += (int) notice.platforms().stream().filter(named::contains).count();
        }
        assertThat(found).as("cited provisions found by linking, of %d", curated).isGreaterThan(curated * 85 / 100);
        assertThat(platformsFound).as("platforms found by linking, of %d", platforms).isGreaterThan(platforms * 90 / 100);
    }

    @Test
    void withoutACatalogItIsAConflictNamingWhatIsMissingNotAFailure() {
        Catalog empty = new Catalog(List.of(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> new SyntheticNotices(empty, 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("this one has 0, 0 and 0");
    }
}
