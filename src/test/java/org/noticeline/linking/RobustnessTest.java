package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Text cut anywhere and shuffled citation fragments never break the engine or its offsets. */
class RobustnessTest {

    private static final String[] FRAGMENTS = {"Article", "Articles", "Art.", "34", "28b", "(1)", "(c)", "(", ")", ",",
        " and ", " to ", "-", " of the ", "DSA", "GDPR", "X", "Twitter", "§", "§§", "s.", "15 U.S.C.", "Part", "Recital",
        "point", "paragraph", ".", "\n", "\n\n", " ", "12", "August", "2024", "2024-08-12", "Meta", "Threads", "the",
        "\u00A0", "’", "Online Safety Act 2023", "section", "et seq.", "Member State", "thereof", "UK",
        "(the \"Act\")", "(hereinafter \"the Regulation\")", "the Act", "the Regulation", "Online Safety Act", "the Commission",
        "Art. 6 Abs. 1 lit. f", "DSGVO", "du règlement", "art. 19º", "Article (40)", "v", "Facebook Ireland Limited", "Regulation (EU) 2019/1020"};

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Article", "Article 34(", "Art. 35 (1)(", "§", "§§ 6501-", "15 U.S.C.", "X",
            "point (c) of", "Articles 34 to", "(((((((((", "12 August", "2024-08-", "Section 5 of the"})
    void handlesTextCutShort(String text) {
        assertConsistent(text);
    }

    @Test
    void handlesShuffledFragments() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int f = 0; f < length; f++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextBoolean()) {
                    text.append(' ');
                }
            }
            assertConsistent(text.toString());
        }
    }

    @Test
    void aMegabyteOfWideRangesYieldsABoundedNumberOfMentions() {
        String text = "Articles 1 to 300 of the DSA ".repeat(1024 * 1024 / 29);
        Extraction extraction = RealCatalog.LINKER.extract(text);
        assertThat(extraction.rules().size() + extraction.unresolved().size()).isBetween(300, 10_300);
    }

    @Test
    void aMegabyteOfDefinitionsAndDocumentReferencesIsReadInLinearTime() {
        String unit = "Regulation (EU) 2022/2065 (the \"Regulation\") and the Online Safety Act 2023 (\"the Act\"). "
                + "Article 34 of the Regulation, section 9 of the Act, the Online Safety Act, Article 66. Threads. ";
        String text = unit.repeat(1024 * 1024 / unit.length());
        long start = System.nanoTime();
        Extraction extraction = RealCatalog.LINKER.extract(text);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(extraction.rules()).isNotEmpty();
        // quadratic work over a megabyte takes minutes; linear takes well under a second even on a loaded machine
        assertThat(seconds).isLessThan(20);
    }

    private static void assertConsistent(String text) {
        Extraction extraction = RealCatalog.LINKER.extract(text);
        Stream.of(extraction.rules(), extraction.platforms(), extraction.providers(), extraction.authorities(),
                        extraction.dates(), extraction.unresolved())
                .flatMap(List::stream)
                .forEach(m -> assertThat(text.substring(m.start(), m.end())).as(text).isEqualTo(m.text()));
        extraction.rules().forEach(r -> assertThat(RealCatalog.CATALOG.hasRule(r.key())).as(r.key()).isTrue());
    }
}
