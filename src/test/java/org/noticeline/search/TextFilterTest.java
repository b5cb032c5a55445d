package org.noticeline.search;

import org.junit.jupiter.api.Test;
import org.noticeline.notice.NoticeTerms;
import org.noticeline.notice.NoticeText;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Search alerts judge one notice as the index would: each query tried on a {@link MatchableNotice}, and the terms a
 * stored query is filed under ({@link TextFilter#required}) always among those of the notices it matches.
 */
class TextFilterTest {

    private static final MatchableNotice AGE_CHECKS = notice("en", "Ofcom opens an investigation into age verification",
            "Ofcom says the provider's age checks may fail children.",
            "Ofcom has opened an investigation into whether the **provider** verifies the ages of its users, under section 12.",
            Set.of("x"), Set.of("UK-OSA:12"), "ofcom", "investigation", "UK", LocalDate.of(2025, 7, 25));
    private static final MatchableNotice DATA_ACCESS = notice("de", "Die Kommission verlangt Datenzugang für Forscher",
            "Auskunftsverlangen zu Artikel 40.", "Die Plattformen müssen Forschern Zugang zu Daten gewähren.",
            Set.of("tiktok"), Set.of("DSA:40"), "european-commission", "request-for-information", "EU", LocalDate.of(2024, 3, 1));

    private static MatchableNotice notice(String language, String title, String summary, String body, Set<String> platforms, Set<String> rules,
                                          String authority, String type, String jurisdiction, LocalDate date) {
        Set<String> instruments = new LinkedHashSet<>();
        rules.forEach(r -> instruments.add(r.substring(0, r.indexOf(':'))));
        return MatchableNotice.of(new NoticeTerms(new LinkedHashSet<>(platforms), new LinkedHashSet<>(rules), instruments, authority, type,
                jurisdiction, null, date), () -> new NoticeText(title, summary, body, language, "published"));
    }

    private static TextFilter filter(String q) {
        return TextFilter.parse(q, QueryLanguageTest.CATALOG, QueryLanguageTest.LIMITS);
    }

    @Test
    void wordsPhrasesPrefixesFieldsAndNegationsMatchAsTheyWouldInTheIndex() {
        assertThat(filter("\"age verification\"").matches(AGE_CHECKS)).isTrue();
        assertThat(filter("\"verification age\"").matches(AGE_CHECKS)).isFalse();
        assertThat(filter("verifies children").matches(AGE_CHECKS)).isTrue();
        assertThat(filter("verif*").matches(AGE_CHECKS)).isTrue();
        assertThat(filter("age -children").matches(AGE_CHECKS)).isFalse();
        assertThat(filter("platform:x rule:UK-OSA").matches(AGE_CHECKS)).isTrue();
        assertThat(filter("platform:tiktok").matches(AGE_CHECKS)).isFalse();
        assertThat(filter("date:[2025-01-01 TO 2025-12-31] authority:ofcom").matches(AGE_CHECKS)).isTrue();
        assertThat(filter("date:[2026-01-01 TO *]").matches(AGE_CHECKS)).isFalse();
        // The German notice is stemmed as German: "Forschern" is found by "Forscher", and the plain word by its form.
        assertThat(filter("Forscher Datenzugang").matches(DATA_ACCESS)).isTrue();
        assertThat(filter("rule:DSA:40 OR rule:DSA:34").matches(DATA_ACCESS)).isTrue();
        assertThat(filter("\"age verification\"").matches(DATA_ACCESS)).isFalse();
        assertThat(TextFilter.NONE.matches(DATA_ACCESS)).isTrue();
        assertThat(TextFilter.unreadable("platform:gone").matches(DATA_ACCESS)).isFalse();
    }

    @Test
    void aBadQueryIsASyntaxErrorAndABlankOneIsNone() {
        assertThatThrownBy(() -> filter("platform:nosuchplatform")).isInstanceOf(QuerySyntaxException.class);
        assertThatThrownBy(() -> filter("(age")).isInstanceOf(QuerySyntaxException.class);
        assertThat(filter("  ")).isSameAs(TextFilter.NONE);
    }

    @Test
    void theTermsAnAlertIsFiledUnderAreHeldByEveryNoticeItMatches() {
        List<MatchableNotice> notices = List.of(AGE_CHECKS, DATA_ACCESS);
        List<String> queries = List.of("\"age verification\"", "verifies children", "age OR Forscher", "platform:x", "rule:DSA:40 Forscher",
                "(age OR zugang) -tiktok", "title:investigation", "age verif*");
        for (String q : queries) {
            TextFilter alert = filter(q);
            Set<String> required = alert.required().orElseThrow(() -> new AssertionError(q + " names terms"));
            for (MatchableNotice notice : notices) {
                // Run without the shortcut that needs these terms, so that the test can catch terms it would need wrongly.
                if (notice.matches(alert.query())) {
                    assertThat(required).as(q).anyMatch(notice.held()::contains);
                }
            }
        }
        // A query that needs no particular word is tried on every notice.
        assertThat(filter("verif*").required()).isEmpty();
        assertThat(filter("-tiktok").required()).isEmpty();
        assertThat(filter("date:[2024-01-01 TO 2024-12-31]").required()).isEmpty();
    }
}
