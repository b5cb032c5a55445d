package org.noticeline.corpus;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CorpusReloadTest {

    static final String ADMIN = "Bearer test-admin-secret";

    @Inject
    CorpusLoader loader;

    /** Created by hand: JUnit's @TempDir does not reach fields of @QuarkusTest classes. */
    Path corpus;

    @AfterEach
    void restoreShippedCorpusStatus() throws IOException {
        loader.load();
        try (var walk = Files.walk(corpus)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void prepare() throws IOException {
        corpus = Files.createTempDirectory("corpus-test");
        Files.createDirectories(corpus.resolve("catalog"));
        try (var files = Files.list(Path.of("notices/catalog"))) {
            for (Path file : files.toList()) {
                Files.copy(file, corpus.resolve("catalog").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(corpus.resolve("2001"));
    }

    private void write(String name, String body, String extraFrontMatter) throws IOException {
        Files.writeString(corpus.resolve("2001").resolve(name + ".md"), """
                ---
                title: Fixture notice for reload tests
                date: 2001-02-03
                type: letter
                authority: ofcom
                jurisdiction: UK
                platforms: [4chan]
                rules: [UK-OSA:102]
                %s
                sources: [https://www.ofcom.org.uk/]
                ---
                %s
                """.formatted(extraFrontMatter, body));
    }

    @Test
    void editedFileMakesANewRevisionAndUnchangedFileChangesNothing() throws IOException {
        prepare();
        write("fixture-reload", "First version.", "");

        CorpusReport first = loader.load(corpus);
        CorpusReport again = loader.load(corpus);
        write("fixture-reload", "Second version, corrected.", "");
        CorpusReport edited = loader.load(corpus);

        assertThat(first.problems()).isEmpty();
        assertThat(first.created() + first.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(edited.updated()).isEqualTo(1);
        given().get("/api/notices/fixture-reload").then().statusCode(200)
                .body("body", equalTo("Second version, corrected."))
                .body("revision", equalTo(2))
                .body("revisions[0].number", equalTo(2))
                .body("revisions[1].number", equalTo(1))
                .body("revisions[0].changedBy", equalTo("corpus"));
    }

    @Test
    void brokenFileIsListedWithLineAndNeverStopsTheOthers() throws IOException {
        prepare();
        write("fixture-good", "A good notice.", "");
        write("fixture-broken", "Broken.", "proceeding: no-such-case");

        CorpusReport report = loader.load(corpus);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("2001/fixture-broken.md");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.field()).isEqualTo("proceeding");
        });
        given().get("/api/notices/fixture-good").then().statusCode(200);
        given().get("/api/notices/fixture-broken").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/admin/corpus").then().statusCode(200)
                .body(containsString("2001/fixture-broken.md"), containsString("unknown proceeding"));
        given().header("Authorization", ADMIN).get("/api/admin/corpus").then().statusCode(200).body("problems", hasSize(1))
                .body("problems[0].line", equalTo(9));
    }

    @Test
    void brokenCatalogLoadsNothingAndSaysWhere() throws IOException {
        prepare();
        write("fixture-never", "Never loaded.", "");
        Files.writeString(corpus.resolve("catalog/platforms.yaml"), "- {id: x, name: X, provider: nobody}\n");

        CorpusReport report = loader.load(corpus);

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalog/platforms.yaml");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("unknown provider 'nobody'");
        });
        assertThat(report.files()).as("no notice is read against a broken catalog").isZero();
        given().get("/api/notices/fixture-never").then().statusCode(404);
    }

    @Test
    void markupInBodiesIsEscapedOnThePage() throws IOException {
        prepare();
        write("fixture-hostile", "Hello <script>alert('x')</script> and [click](javascript:alert(1)) <img src=x onerror=alert(2)>", "");

        loader.load(corpus);

        String page = given().get("/notices/fixture-hostile").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert", "javascript:alert", "onerror=alert(2)>", "<img src=x");
        assertThat(page).contains("&lt;script&gt;");
        given().get("/").then().body(not(containsString("<script>alert")));
    }
}
