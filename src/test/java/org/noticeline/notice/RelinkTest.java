package org.noticeline.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.noticeline.corpus.CorpusLoader;
import org.noticeline.linking.Linker;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detected links know which catalog and engine produced them: a catalog change re-links, in the background, exactly
 * the notices whose links it changes (one {@code relinked} change each), and a re-link that finds the same links
 * changes nothing and tells nobody.
 */
@QuarkusTest
class RelinkTest {

    private static final String ADMIN = "Bearer test-admin-secret";

    @Inject
    CorpusLoader loader;
    @Inject
    LinkerProvider linkers;
    @Inject
    NoticeRelinker relinker;

    Path corpus;

    @AfterEach
    void backToTheShippedCatalog() throws Exception {
        if (corpus != null) {
            loader.load();
            awaitNothingStale();
            try (var walk = Files.walk(corpus)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            corpus = null;
        }
    }

    @Test
    void aNewAliasReLinksExactlyTheNoticesThatMentionIt() throws Exception {
        Map<String, Object> hit = NoticeWriteTest.notice("relink-hit", "Ofcom also wrote to Zorblatnet about the same feed.");
        hit.put("platforms", List.of("x"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(hit).post("/api/notices").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(NoticeWriteTest.notice("relink-miss", "Nothing new is named here.")).post("/api/notices").then().statusCode(201);
        awaitNothingStale();
        long start = lastSeq();
        assertThat(platformsOf("relink-hit")).doesNotContain("4chan");

        corpus = Files.createTempDirectory("relink-corpus");
        Files.createDirectories(corpus.resolve("catalog"));
        try (var files = Files.list(Path.of("notices/catalog"))) {
            for (Path file : files.toList()) {
                Files.copy(file, corpus.resolve("catalog").resolve(file.getFileName()));
            }
        }
        Path platforms = corpus.resolve("catalog/platforms.yaml");
        String yaml = Files.readString(platforms);
        String withAlias = yaml.replace("- id: 4chan\n  name: 4chan\n  aliases: []", "- id: 4chan\n  name: 4chan\n  aliases: [Zorblatnet]");
        assertThat(withAlias).isNotEqualTo(yaml);
        Files.writeString(platforms, withAlias);
        int revisionBefore = given().get("/api/notices/relink-hit").then().extract().path("revision");

        loader.load(corpus);
        awaitNothingStale();
        List<Map<String, Object>> changes = awaitChanges(start, "relinked", 1);

        assertThat(changes).filteredOn(c -> "catalog".equals(c.get("kind"))).hasSize(1);
        assertThat(changes).filteredOn(c -> "relinked".equals(c.get("kind"))).extracting(c -> c.get("slug")).containsExactly("relink-hit");
        assertThat(platformsOf("relink-hit")).contains("x", "4chan");
        JsonPath after = given().get("/api/notices/relink-hit").then().statusCode(200).extract().jsonPath();
        assertThat(after.getInt("revision")).as("re-linking is not a revision").isEqualTo(revisionBefore);
        assertThat(after.getString("links.platforms.find { it.id == '4chan' }.origin")).isEqualTo("detected");
    }

    @Test
    void reLinkingWhatHasNotChangedTellsNobody() throws Exception {
        awaitNothingStale();
        long start = lastSeq();
        long notices = QuarkusTransaction.requiringNew().call(() -> Notice.getEntityManager()
                .createQuery("update Notice n set n.linksEngine = 0").executeUpdate());
        assertThat(notices).isPositive();

        assertThat(relinker.relinkStale()).isZero();

        assertThat(stale()).isZero();
        assertThat(changesSince(start)).noneMatch(c -> "relinked".equals(c.get("kind")));
    }

    private List<String> platformsOf(String slug) {
        return given().get("/api/notices/" + slug).then().statusCode(200).extract().jsonPath().getList("links.platforms.id");
    }

    private long stale() {
        String hash = linkers.current().catalogHash();
        return QuarkusTransaction.requiringNew().call(() -> Notice.count(
                "linksCatalog is null or linksCatalog <> ?1 or linksEngine is null or linksEngine <> ?2", hash, Linker.ENGINE_VERSION));
    }

    private void awaitNothingStale() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stale() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stale()).isZero();
    }

    private static long lastSeq() {
        List<Map<String, Object>> all = changesSince(0);
        return all.isEmpty() ? 0 : ((Number) all.get(all.size() - 1).get("seq")).longValue();
    }

    private static List<Map<String, Object>> changesSince(long since) {
        List<Map<String, Object>> all = new ArrayList<>();
        long next = since;
        while (true) {
            JsonPath page = given().header("Authorization", ADMIN).queryParam("drafts", true).queryParam("since", next)
                    .queryParam("limit", 10_000).get("/api/changes").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            if (page.getLong("next") == next) {
                return all;
            }
            next = page.getLong("next");
        }
    }

    private static List<Map<String, Object>> awaitChanges(long since, String kind, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Map<String, Object>> changes = changesSince(since);
        while (changes.stream().filter(c -> kind.equals(c.get("kind"))).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            changes = changesSince(since);
        }
        return changes;
    }
}
