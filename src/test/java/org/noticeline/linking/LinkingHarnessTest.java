package org.noticeline.linking;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticeline.corpus.CatalogReader;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the engine against the labelled passages: micro precision, recall and F1 for rules and
 * platforms (each must reach 0.95) and for providers, printed with every passage that differs.
 */
class LinkingHarnessTest {

    private static final double REQUIRED = 0.95;
    private static Linker linker;

    @BeforeAll
    static void loadCatalog() {
        linker = Linker.from(CatalogReader.read(Path.of("notices/catalog")));
    }

    static List<Passage> passages() {
        return Passage.all();
    }

    @Test
    void holdsAtLeastOneHundredAndTenPassages() {
        assertThat(passages()).hasSizeGreaterThanOrEqualTo(110);
        assertThat(passages()).extracting(Passage::id).doesNotHaveDuplicates();
    }

    @Test
    void reachesRequiredPrecisionAndRecall() {
        Score rules = new Score("rules");
        Score platforms = new Score("platforms");
        Score providers = new Score("providers");
        for (Passage passage : passages()) {
            Extraction extraction = linker.extract(passage.text());
            rules.add(passage.id(), passage.rules(), extraction.links().ruleKeys());
            platforms.add(passage.id(), passage.platforms(), extraction.links().platformIds());
            providers.add(passage.id(), passage.providers(),
                    extraction.providers().stream().map(ProviderMention::id).distinct().toList());
        }
        System.out.println("Linking harness over " + passages().size() + " passages");
        for (Score score : List.of(rules, platforms, providers)) {
            System.out.println("  " + score);
            score.mistakes().forEach(m -> System.out.println("    " + score.label() + " " + m));
        }
        for (Score gated : List.of(rules, platforms)) {
            assertThat(gated.precision()).as(gated.label() + " precision").isGreaterThanOrEqualTo(REQUIRED);
            assertThat(gated.recall()).as(gated.label() + " recall").isGreaterThanOrEqualTo(REQUIRED);
            assertThat(gated.f1()).as(gated.label() + " F1").isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passages")
    void everyMentionIsTheTextAtItsOffsets(Passage passage) {
        Extraction extraction = linker.extract(passage.text());
        Stream.of(extraction.rules(), extraction.platforms(), extraction.providers(), extraction.authorities(),
                        extraction.dates(), extraction.unresolved())
                .flatMap(List::stream)
                .forEach(m -> assertThat(passage.text().substring(m.start(), m.end())).isEqualTo(m.text()));
    }
}
