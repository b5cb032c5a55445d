package org.noticeline.linking;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the engine on documents of real shape (linking/documents): precision, recall and F1 for rules, platforms,
 * providers, authorities and dates, over all documents and per language, per kind of document and per pitfall,
 * printed with every document that differs. Rules and platforms must reach precision 0.99 and F1 0.97: a wrong link
 * is worse than a missing one.
 */
class DocumentHarnessTest {

    private static final double PRECISION = 0.99;
    private static final double F1 = 0.97;
    private static final List<String> FIELDS = List.of("rules", "platforms", "providers", "authorities", "dates");
    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "pt");
    private static final Set<String> KINDS = Set.of("press-release", "letter", "decision", "judgment", "notice", "complaint", "qa", "guidance");
    private static final Set<String> PITFALLS = Set.of("definition", "generic-name", "shared-name", "language", "numbering", "party",
            "false-friend", "cross-sentence", "competing", "list");

    private static List<LabelledDocument> documents;
    private static Map<String, Map<String, Score>> byGroup;

    @BeforeAll
    static void score() {
        documents = LabelledDocument.all();
        byGroup = new LinkedHashMap<>();
        for (LabelledDocument document : documents) {
            Extraction found = RealCatalog.LINKER.extract(document.text(), document.context());
            Map<String, List<String>> actual = Map.of(
                    "rules", found.links().ruleKeys(),
                    "platforms", found.links().platformIds(),
                    "providers", distinct(found.providers(), ProviderMention::id),
                    "authorities", distinct(found.authorities(), AuthorityMention::id),
                    "dates", distinct(found.dates(), DateMention::date));
            Map<String, List<String>> expected = Map.of("rules", document.rules(), "platforms", document.platforms(),
                    "providers", document.providers(), "authorities", document.authorities(), "dates", document.dates());
            List<String> groups = new java.util.ArrayList<>(List.of("all", "language " + document.language(), "kind " + document.kind()));
            document.pitfalls().forEach(p -> groups.add("pitfall " + p));
            for (String group : groups) {
                Map<String, Score> scores = byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
                for (String field : FIELDS) {
                    scores.computeIfAbsent(field, Score::new).add(document.id(), expected.get(field), actual.get(field));
                }
            }
        }
        print();
    }

    @Test
    void holdsAtLeastOneHundredAndFiftyWellFormedDocuments() {
        assertThat(documents).hasSizeGreaterThanOrEqualTo(150);
        assertThat(documents).extracting(LabelledDocument::id).doesNotHaveDuplicates();
        for (LabelledDocument document : documents) {
            assertThat(LANGUAGES).as(document.id() + " language").contains(document.language());
            assertThat(KINDS).as(document.id() + " kind").contains(document.kind());
            assertThat(PITFALLS).as(document.id() + " pitfalls").containsAll(document.pitfalls());
            assertThat(document.text()).as(document.id() + " has paragraphs").contains("\n\n");
            document.rules().forEach(key -> assertThat(RealCatalog.CATALOG.hasRule(key)).as(document.id() + " " + key).isTrue());
        }
    }

    @Test
    void coversEveryLanguageKindAndPitfall() {
        LANGUAGES.forEach(l -> assertThat(byGroup).containsKey("language " + l));
        KINDS.forEach(k -> assertThat(byGroup).containsKey("kind " + k));
        PITFALLS.forEach(p -> assertThat(byGroup).containsKey("pitfall " + p));
    }

    @Test
    void reachesRequiredPrecisionAndF1ForRulesAndPlatforms() {
        for (String field : List.of("rules", "platforms")) {
            Score score = byGroup.get("all").get(field);
            assertThat(score.precision()).as(field + " precision").isGreaterThanOrEqualTo(PRECISION);
            assertThat(score.f1()).as(field + " F1").isGreaterThanOrEqualTo(F1);
        }
    }

    @Test
    void everyMentionIsTheTextAtItsOffsets() {
        for (LabelledDocument document : documents) {
            Extraction e = RealCatalog.LINKER.extract(document.text(), document.context());
            java.util.stream.Stream.of(e.rules(), e.platforms(), e.providers(), e.authorities(), e.dates(), e.unresolved())
                    .flatMap(List::stream)
                    .forEach(m -> assertThat(document.text().substring(m.start(), m.end())).as(document.id()).isEqualTo(m.text()));
        }
    }

    private static void print() {
        System.out.println("Document harness over " + documents.size() + " documents (P / R / F1, tp fp fn)");
        Map<String, Map<String, Score>> sorted = new TreeMap<>(byGroup);
        sorted.remove("all");
        System.out.println(row("all", byGroup.get("all")));
        sorted.forEach((group, scores) -> System.out.println(row(group, scores)));
        for (String field : FIELDS) {
            byGroup.get("all").get(field).mistakes().forEach(m -> System.out.println("    " + field + " " + m));
        }
    }

    private static String row(String group, Map<String, Score> scores) {
        StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-22s", group));
        for (String field : FIELDS) {
            Score s = scores.get(field);
            row.append(String.format(java.util.Locale.ROOT, " | %s %.3f/%.3f/%.3f", field.substring(0, 4), s.precision(), s.recall(), s.f1()));
        }
        return row.toString();
    }

    private static <T> List<String> distinct(List<T> mentions, Function<T, String> id) {
        return mentions.stream().map(id).distinct().toList();
    }
}
