package org.noticeline.search.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeline.notice.rest.NoticeWriteTest;
import org.noticeline.search.SearchTesting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * /api/search on the shipped corpus and on notices written here, judged against the timeline API (the database):
 * the same notices for the same field, facet counts equal to the filtered timelines' sizes, text checked in the
 * notices' own bodies.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class SearchApiTest {

    private static String editorToken;
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void readyAndEditor() {
        SearchTesting.awaitReady();
        if (editorToken == null) {
            editorToken = given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON)
                    .body(Map.of("name", "search-editor", "scopes", List.of("ingest")))
                    .post("/api/admin/tokens").then().statusCode(201).extract().path("token");
        }
    }

    static RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + editorToken).contentType(ContentType.JSON);
    }

    /** Creates a notice and waits (at most 2 s) until a search for its slug word finds it. */
    static void write(Map<String, Object> notice, String findBy) {
        asEditor().body(notice).post("/api/notices").then().statusCode(201);
        SearchTesting.within2s(() -> SearchTesting.slugs(Map.of("q", findBy)).contains((String) notice.get("slug")));
    }

    // ---- research questions

    @Test
    void noticesSince2024CitingArticle40DsaAndMentioningDataAccess() {
        Set<String> hits = SearchTesting.slugs(Map.of("q", "rule:DSA:40 \"data access\" date:[2024-01-01 TO *]"));

        Set<String> expected = new HashSet<>();
        for (Map<String, Object> n : SearchTesting.timeline(Map.of("rule", "DSA:40", "from", "2024-01-01"))) {
            if (SearchTesting.text((String) n.get("slug")).contains("data access")) {
                expected.add((String) n.get("slug"));
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hits).isEqualTo(expected);
    }

    @Test
    void howOftenEachPlatformReceivedADsaRequestForInformationIsTheFacet() {
        JsonPath answer = SearchTesting.search(Map.of("q", "rule:DSA type:request-for-information"));
        List<Map<String, Object>> platforms = answer.getList("facets.platform");

        assertThat(platforms).isNotEmpty();
        for (Map<String, Object> facet : platforms) {
            int inTimeline = SearchTesting.timeline(Map.of("rule", "DSA", "type", "request-for-information", "platform", facet.get("value"))).size();
            assertThat(((Number) facet.get("count")).intValue()).as("platform %s", facet.get("value")).isEqualTo(inTimeline);
        }
        assertThat(answer.getInt("total")).isEqualTo(SearchTesting.timeline(Map.of("rule", "DSA", "type", "request-for-information")).size());
    }

    // ---- the query language

    @Test
    void phrasesMatchWordsInOrderAndWordsAnywhere() {
        Set<String> phrase = SearchTesting.slugs(Map.of("q", "\"data access\""));
        Set<String> words = SearchTesting.slugs(Map.of("q", "data access"));
        Set<String> reversed = SearchTesting.slugs(Map.of("q", "\"access data\""));

        assertThat(phrase).isNotEmpty().allSatisfy(slug -> assertThat(SearchTesting.text(slug)).containsPattern("data\\W+access"));
        assertThat(words).containsAll(phrase).hasSizeGreaterThan(phrase.size());
        // Stemmed like the words: "publicly accessible data" has "access data" in it.
        assertThat(reversed).isNotEqualTo(phrase).allSatisfy(slug -> assertThat(SearchTesting.text(slug)).containsPattern("access\\w*\\W+data"));
    }

    @Test
    void prefixMatchesEveryWordStartingSo() {
        Set<String> hits = SearchTesting.slugs(Map.of("q", "verif*"));
        Pattern verif = Pattern.compile("\\bverif", Pattern.CASE_INSENSITIVE);
        Set<String> expected = new HashSet<>();
        SearchTesting.timeline(Map.of()).forEach(n -> {
            // Words as the index reads them, accents folded: the French "vérification" starts with "verif" too.
            String folded = java.text.Normalizer.normalize(SearchTesting.text((String) n.get("slug")), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (verif.matcher(folded).find()) {
                expected.add((String) n.get("slug"));
            }
        });

        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hits).isEqualTo(expected);
    }

    @Test
    void ruleMatchesExactlyWhatTheTimelineRuleFilterReturnsCuratedAndDetected() {
        for (String rule : List.of("DSA:40", "DSA:34", "DSA", "UK-OSA", "DMA")) {
            assertThat(SearchTesting.slugs(Map.of("q", "rule:" + rule))).as(rule)
                    .isEqualTo(SearchTesting.slugSet(SearchTesting.timeline(Map.of("rule", rule))));
        }
    }

    @Test
    void everyFieldSelectsWhatTheTimelineFilterOfTheSameNameSelects() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("platform:x", Map.of("platform", "x"));
        cases.put("authority:ofcom", Map.of("authority", "ofcom"));
        cases.put("type:fine", Map.of("type", "fine"));
        cases.put("jurisdiction:UK", Map.of("jurisdiction", "UK"));
        cases.put("proceeding:ec-dsa-x", Map.of("proceeding", "ec-dsa-x"));
        cases.put("date:[2024-01-01 TO 2024-12-31]", Map.of("from", "2024-01-01", "to", "2024-12-31"));
        cases.put("date:2023", Map.of("from", "2023-01-01", "to", "2023-12-31"));
        cases.put("platform:(x OR tiktok)", Map.of("platform", "x,tiktok"));
        cases.forEach((q, filter) -> assertThat(SearchTesting.slugs(Map.of("q", q))).as(q)
                .isNotEmpty().isEqualTo(SearchTesting.slugSet(SearchTesting.timeline(filter))));
    }

    @Test
    void booleanOperatorsAndGrouping() {
        Set<String> x = SearchTesting.slugSet(SearchTesting.timeline(Map.of("platform", "x")));
        Set<String> tiktok = SearchTesting.slugSet(SearchTesting.timeline(Map.of("platform", "tiktok")));
        Set<String> dsa = SearchTesting.slugSet(SearchTesting.timeline(Map.of("rule", "DSA")));
        Set<String> fines = SearchTesting.slugSet(SearchTesting.timeline(Map.of("type", "fine")));

        Set<String> either = new HashSet<>(x);
        either.addAll(tiktok);
        assertThat(SearchTesting.slugs(Map.of("q", "platform:x OR platform:tiktok"))).isEqualTo(either);
        Set<String> dsaNotX = new HashSet<>(dsa);
        dsaNotX.removeAll(x);
        assertThat(SearchTesting.slugs(Map.of("q", "rule:DSA -platform:x"))).isEqualTo(dsaNotX);
        assertThat(SearchTesting.slugs(Map.of("q", "rule:DSA NOT platform:x"))).isEqualTo(dsaNotX);
        assertThat(SearchTesting.slugs(Map.of("q", "rule:DSA AND NOT platform:x"))).isEqualTo(dsaNotX);
        Set<String> grouped = new HashSet<>(either);
        grouped.retainAll(fines);
        assertThat(SearchTesting.slugs(Map.of("q", "(platform:x OR platform:tiktok) AND type:fine"))).isNotEmpty().isEqualTo(grouped);
    }

    @Test
    void timelineFilterParametersNarrowTheQuery() {
        Set<String> narrowed = SearchTesting.slugs(Map.of("q", "\"data access\"", "platform", "x", "from", "2024-01-01"));
        Set<String> x2024 = SearchTesting.slugSet(SearchTesting.timeline(Map.of("platform", "x", "from", "2024-01-01")));
        Set<String> phrase = SearchTesting.slugs(Map.of("q", "\"data access\""));
        phrase.retainAll(x2024);

        assertThat(narrowed).isNotEmpty().isEqualTo(phrase);
    }

    // ---- facets

    @Test
    void facetCountsEqualTheTimelineCountsOfEachValue() {
        JsonPath answer = SearchTesting.search(Map.of("q", "rule:DSA"));
        Map<String, String> parameter = Map.of("platform", "platform", "rule", "rule", "instrument", "rule", "authority", "authority",
                "type", "type", "jurisdiction", "jurisdiction");
        for (Map.Entry<String, String> facet : parameter.entrySet()) {
            List<Map<String, Object>> values = answer.getList("facets." + facet.getKey());
            assertThat(values).as(facet.getKey()).isNotEmpty();
            for (Map<String, Object> v : values) {
                Map<String, String> filter = new HashMap<>(Map.of("rule", "DSA"));
                filter.merge(facet.getValue(), (String) v.get("value"), (a, b) -> b);
                if (facet.getKey().equals("instrument") && !v.get("value").equals("DSA")) {
                    // Notices citing the DSA and another instrument: both rule values at once are alternatives, so count by hand.
                    long both = SearchTesting.timeline(Map.of("rule", "DSA")).stream()
                            .filter(n -> ((List<String>) n.get("rules")).stream().anyMatch(r -> r.startsWith(v.get("value") + ":"))).count();
                    assertThat(((Number) v.get("count")).longValue()).as("instrument %s", v.get("value")).isEqualTo(both);
                    continue;
                }
                if (facet.getKey().equals("rule")) {
                    // Within rule:DSA: the DSA notices that cite this provision too (other tests add notices citing it alone).
                    long cited = SearchTesting.timeline(Map.of("rule", "DSA")).stream()
                            .filter(n -> ((List<String>) n.get("rules")).contains(v.get("value"))).count();
                    assertThat(((Number) v.get("count")).longValue()).as("rule %s", v.get("value")).isEqualTo(cited);
                    continue;
                }
                assertThat(((Number) v.get("count")).intValue()).as("%s %s", facet.getKey(), v.get("value"))
                        .isEqualTo(SearchTesting.timeline(filter).size());
            }
        }
        for (Map<String, Object> year : answer.<Map<String, Object>>getList("facets.year")) {
            String y = (String) year.get("value");
            assertThat(((Number) year.get("count")).intValue()).as("year %s", y)
                    .isEqualTo(SearchTesting.timeline(Map.of("rule", "DSA", "from", y + "-01-01", "to", y + "-12-31")).size());
        }
        assertThat(answer.getInt("total")).isEqualTo(SearchTesting.timeline(Map.of("rule", "DSA")).size());
    }

    // ---- items, order, pages

    @Test
    void itemsAreTheTimelineItemsWithScoreAndSnippets() {
        JsonPath answer = SearchTesting.search(Map.of("q", "\"data access\"", "limit", "3"));
        Map<String, Object> hit = answer.getMap("items[0]");
        Map<String, Object> item = SearchTesting.timeline(Map.of()).stream().filter(n -> n.get("slug").equals(hit.get("slug"))).findFirst().orElseThrow();

        Map<String, Object> withoutSearchFields = new HashMap<>(hit);
        withoutSearchFields.remove("score");
        withoutSearchFields.remove("snippets");
        assertThat(withoutSearchFields).isEqualTo(item);
        assertThat(((Number) hit.get("score")).doubleValue()).isPositive();
        assertThat((List<String>) hit.get("snippets")).isNotEmpty().anySatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT)).contains("<mark>data access</mark>"));
        List<Float> scores = answer.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void linksAreListedInOneOrderByTheWriterTheDatabaseAndTheIndex() {
        String slug = "search-order-" + RUN;
        Map<String, Object> notice = NoticeWriteTest.notice(slug, "Ofcom asked about zebrafinchorder under sections 102, 9 and 10.");
        notice.put("platforms", List.of("x", "4chan", "tiktok"));
        notice.put("rules", List.of("UK-OSA:102", "UK-OSA:9", "UK-OSA:10"));
        JsonPath written = asEditor().body(notice).post("/api/notices").then().statusCode(201).extract().jsonPath();
        SearchTesting.within2s(() -> SearchTesting.slugs(Map.of("q", "zebrafinchorder")).contains(slug));

        List<String> platforms = List.of("4chan", "tiktok", "x");
        List<String> rules = List.of("UK-OSA:9", "UK-OSA:10", "UK-OSA:102");
        Map<String, Object> listed = SearchTesting.timeline(Map.of()).stream().filter(n -> n.get("slug").equals(slug)).findFirst().orElseThrow();
        JsonPath hit = SearchTesting.search(Map.of("q", "zebrafinchorder"));
        assertThat(written.getList("platforms", String.class)).isEqualTo(platforms);
        assertThat(written.getList("rules", String.class)).isEqualTo(rules);
        assertThat(listed.get("platforms")).isEqualTo(platforms);
        assertThat(listed.get("rules")).isEqualTo(rules);
        assertThat(hit.getList("items[0].platforms", String.class)).isEqualTo(platforms);
        assertThat(hit.getList("items[0].rules", String.class)).isEqualTo(rules);
    }

    @Test
    void cursorsVisitEveryHitOnceInEitherOrder() {
        for (String sort : List.of("relevance", "date")) {
            List<Map<String, Object>> paged = SearchTesting.walk(Map.of("q", "rule:DSA OR platform:x", "sort", sort), 4);
            List<String> slugs = paged.stream().map(n -> (String) n.get("slug")).toList();
            assertThat(new HashSet<>(slugs)).as(sort).hasSize(slugs.size())
                    .isEqualTo(SearchTesting.slugs(Map.of("q", "rule:DSA OR platform:x")));
            if (sort.equals("date")) {
                List<LocalDate> dates = paged.stream().map(n -> LocalDate.parse((String) n.get("date"))).toList();
                assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
            }
        }
    }

    // ---- languages

    @Test
    void eachLanguageIsStemmedItsOwnWay() {
        String de = "suche-de-" + RUN;
        String fr = "suche-fr-" + RUN;
        String pt = "suche-pt-" + RUN;
        write(inLanguage(de, "de", "Die Bundesnetzagentur verlangt von den Plattformen Auskunft über Beschwerdeverfahren."), "Plattformen");
        write(inLanguage(fr, "fr", "L'Arcom demande aux plateformes des informations sur les signalements."), "plateformes");
        write(inLanguage(pt, "pt", "A ANPD pediu às plataformas informações sobre os relatórios de transparência."), "plataformas");

        assertThat(SearchTesting.slugs(Map.of("q", "Plattform"))).contains(de);
        assertThat(SearchTesting.slugs(Map.of("q", "plateforme"))).contains(fr);
        assertThat(SearchTesting.slugs(Map.of("q", "plataforma"))).contains(pt);
        assertThat(SearchTesting.slugs(Map.of("q", "relatório"))).contains(pt);
        assertThat(SearchTesting.slugs(Map.of("q", "signalement"))).contains(fr);
        assertThat(SearchTesting.slugs(Map.of("q", "language:de Auskünfte"))).containsExactly(de);
        // English stemming on the shipped corpus: "requests" finds notices that say "requested" or "request".
        assertThat(SearchTesting.slugs(Map.of("q", "requesting"))).isEqualTo(SearchTesting.slugs(Map.of("q", "requests")));
    }

    private static Map<String, Object> inLanguage(String slug, String language, String body) {
        Map<String, Object> notice = NoticeWriteTest.notice(slug, body);
        notice.put("language", language);
        notice.put("title", "Notice " + slug);
        return notice;
    }

    // ---- escaping

    @Test
    void snippetsAreEscapedTextWithOnlyMarksAsMarkup() {
        String slug = "search-escape-" + RUN;
        write(NoticeWriteTest.notice(slug, "Ofcom quoted <script>alert('owned')</script> & <b>bold</b> about quokkacontent under section 102."), "quokkacontent");

        JsonPath answer = SearchTesting.search(Map.of("q", "quokkacontent"));
        List<String> snippets = answer.getList("items[0].snippets");
        assertThat(snippets).isNotEmpty();
        String snippet = String.join(" ", snippets);
        assertThat(snippet).contains("&lt;script&gt;").contains("&amp;").contains("<mark>quokkacontent</mark>")
                .doesNotContain("<script").doesNotContain("<b>");
        String page = given().queryParam("q", "quokkacontent").get("/search").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;").contains("<mark>quokkacontent</mark>");
    }

    // ---- withdrawn notices

    @Test
    void withdrawnNoticesAreLeftOutUnlessAskedFor() {
        String slug = "search-withdrawn-" + RUN;
        write(NoticeWriteTest.notice(slug, "Ofcom asked about wombatreports under section 102."), "wombatreports");
        asEditor().body(Map.of("reason", "test")).delete("/api/notices/" + slug).then().statusCode(200);

        SearchTesting.within2s(() -> SearchTesting.slugs(Map.of("q", "wombatreports")).isEmpty());
        assertThat(SearchTesting.slugs(Map.of("q", "wombatreports", "withdrawn", "true"))).containsExactly(slug);
        assertThat(SearchTesting.search(Map.of("q", "wombatreports", "withdrawn", "true")).getString("items[0].status")).isEqualTo("withdrawn");
    }

    // ---- another replica

    @Test
    void aChangeCommittedThroughAnotherConnectionIsSearchableWithinTwoSeconds() throws Exception {
        String slug = "search-replica-" + RUN;
        write(NoticeWriteTest.notice(slug, "Ofcom asked about platypusdata under section 102."), "platypusdata");
        String word = "echidnaupdate" + RUN.replaceAll("[0-9]", "");

        long committed;
        // What another replica does: the notice changes, and the change is appended in the same transaction.
        try (Connection other = SearchTesting.otherConnection()) {
            other.setAutoCommit(false);
            long id;
            int revision;
            try (PreparedStatement find = other.prepareStatement("select id, revision from notice where slug = ?")) {
                find.setString(1, slug);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                    revision = row.getInt(2) + 1;
                }
            }
            try (PreparedStatement update = other.prepareStatement("update notice set title = ?, revision = ? where id = ?")) {
                update.setString(1, "Ofcom on " + word);
                update.setInt(2, revision);
                update.setLong(3, id);
                update.executeUpdate();
            }
            try (PreparedStatement change = other.prepareStatement("insert into notice_change (kind, notice_id, slug, revision, visible, changed_at, changed_by)"
                    + " values ('revised', ?, ?, ?, true, current_timestamp, 'another-replica')")) {
                change.setLong(1, id);
                change.setString(2, slug);
                change.setInt(3, revision);
                change.executeUpdate();
            }
            if (other.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                other.createStatement().execute("select pg_notify('noticeline_changes', '')");
            }
            other.commit();
            committed = System.nanoTime();
        }
        SearchTesting.within2s(() -> SearchTesting.slugs(Map.of("q", word)).contains(slug));
        assertThat(System.nanoTime() - committed).isLessThan(2_000_000_000L);
        assertThat(SearchTesting.search(Map.of("q", word)).getString("items[0].title")).isEqualTo("Ofcom on " + word);
    }

    // ---- malformed queries

    @ParameterizedTest
    @ValueSource(strings = {"\"data access", "(data access", "data access)", "date:[2024-01-01 TO", "*", "ve*", "v*rif",
            "date:[2024-13-01 TO 2025-01-01]", "date:[2025-01-01 TO 2024-01-01]", "date:yesterday", "foo:bar", "rule:DSA:999",
            "rule:NOPE", "platform:myspace", "type:opening", "data AND", "OR data", "NOT", "()", "platform:",
            "ver* dat* acc* pla* reg*"})
    void malformedQueriesAre400ProblemsNamingQ(String q) {
        given().queryParam("q", q).get("/api/search").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("detail", containsString("'q'"));
    }

    @Test
    void malformedQueriesSayWhere() {
        given().queryParam("q", "platform:x (data access").get("/api/search").then().statusCode(400)
                .body("errors[0].message", containsString("at character 12"));
        given().queryParam("q", "rule:DSA \"data access").get("/api/search").then().statusCode(400)
                .body("errors[0].message", containsString("at character 10"));
    }

    @Test
    void aHugeQueryIsRefusedQuickly() {
        // Longer than the request line the server reads (4 kB) is a 414 before search sees it; below that, refused by length.
        String huge = "data ".repeat(150);
        long started = System.nanoTime();
        given().queryParam("q", huge).get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        String wide = String.join(" OR ", java.util.Collections.nCopies(90, "verification")) + " " + "(".repeat(30) + "x" + ")".repeat(30);
        given().queryParam("q", wide).get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void badSortOrCursorNameTheirParameter() {
        given().queryParam("q", "data").queryParam("sort", "random").get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("q", "data").queryParam("cursor", "nope").get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", "data").queryParam("platform", "myspace").get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("platform"));
    }
}
