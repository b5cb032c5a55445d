package org.noticeline.search;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.corpus.CatalogReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser on its own: whatever is typed, a query or a {@link QuerySyntaxException}, never anything else. */
class QueryLanguageTest {

    static final Catalog CATALOG = CatalogReader.read(Path.of("notices/catalog"));
    static final NoticelineConfig.Search LIMITS = new NoticelineConfig.Search() {
        public Optional<Path> indexDir() { return Optional.empty(); }
        public int maxQueryLength() { return 500; }
        public int maxClauses() { return 512; }
        public int minPrefixLength() { return 3; }
        public int maxPrefixExpansions() { return 64; }
        public int facetValues() { return 20; }
        public int snippets() { return 3; }
        public Duration retryAfter() { return Duration.ofSeconds(5); }
        public Duration commitInterval() { return Duration.ofSeconds(5); }
    };
    private static final QueryLanguage LANGUAGE = new QueryLanguage(CATALOG, LIMITS);

    @Test
    void randomInputIsAQueryOrASyntaxErrorNeverAnotherFailure() {
        String[] pieces = {"data", "access", "\"", "(", ")", "[", "]", " ", " ", " ", "AND", "OR", "NOT", "-", "+", "*", "verif*",
                ":", "rule:", "DSA", "DSA:40", "platform:", "x", "date:", "2024", "2024-01-01", "TO", "title:", "\\", "é", "&&", "||",
                "{", "}", "~", "^", "?", "platform:(", "-(", "\"\"", "year:", "é*", "ß", "related:", "DSA:28"};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                q.append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                assertThat(LANGUAGE.parse(q.toString())).as(q.toString()).isNotNull();
            } catch (QuerySyntaxException expected) {
                assertThat(expected.getMessage()).as(q.toString()).isNotBlank();
            }
        }
    }

    @Test
    void fieldsBecomeExactTermsAndRulesKeepTheirColon() {
        Query query = LANGUAGE.parse("rule:DSA:40 platform:X -type:fine date:[2024 TO *]");
        assertThat(query.toString()).contains("+rule:DSA:40").contains("+platform:x").contains("-type:fine").contains("date:[");
        assertThat(LANGUAGE.parse("rule:dsa").toString()).isEqualTo("instrument:DSA");
    }

    @Test
    void relatedIsTheRuleOrAnyProvisionTheCatalogRelatesToIt() {
        String minors = LANGUAGE.parse("related:dsa:28").toString();
        assertThat(minors).contains("rule:DSA:28", "rule:UK-OSA:12", "rule:AU-OSA:45", "rule:AVMSD:28b", "rule:GDPR:8");
        assertThat(minors).doesNotContain("+rule:").doesNotContain("instrument:");
        assertThat(CATALOG.relatedKeys("DSA:28")).allSatisfy(key -> assertThat(minors).contains("rule:" + key));
        assertThat(LANGUAGE.parse("related:DSA:57").toString()).as("a provision in no group is itself").isEqualTo("rule:DSA:57");
        assertThat(LANGUAGE.parse("related:DSA:40 -platform:x").toString()).contains("+(rule:DSA:40 rule:UK-OSA:162)").contains("-platform:x");
        assertThat(LANGUAGE.parse("related:\"DSA:40\"").toString()).isEqualTo("rule:DSA:40 rule:UK-OSA:162");
        assertThatThrownBy(() -> LANGUAGE.parse("data related:DSA:999")).hasMessageContaining("at character 6").hasMessageContaining("unknown rule");
        assertThatThrownBy(() -> LANGUAGE.parse("related:DSA")).hasMessageContaining("provision such as DSA:28");
        assertThatThrownBy(() -> LANGUAGE.parse("relatd:DSA:28")).hasMessageContaining("related");
    }

    @Test
    void wordsAreAnalysedByEveryLanguageAsOneSynonymGroup() {
        String query = LANGUAGE.parse("Plattformen").toString();
        assertThat(query).contains("plattform").contains("plattformen").contains("Synonym(");
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> LANGUAGE.parse("data (access")).hasMessageContaining("at character 6");
        assertThatThrownBy(() -> LANGUAGE.parse("data \"access")).hasMessageContaining("at character 6").hasMessageContaining("quote");
        assertThatThrownBy(() -> LANGUAGE.parse("data access)")).hasMessageContaining("at character 12");
        assertThatThrownBy(() -> LANGUAGE.parse("date:[2024-01-01 TO")).hasMessageContaining("at character 6");
        assertThatThrownBy(() -> LANGUAGE.parse("*")).hasMessageContaining("at least 3 letters");
        assertThatThrownBy(() -> LANGUAGE.parse("x".repeat(501))).hasMessageContaining("at most 500");
    }
}
