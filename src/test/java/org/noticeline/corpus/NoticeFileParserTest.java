package org.noticeline.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeline.domain.FieldError;
import org.noticeline.notice.NoticeValidator;

import java.util.List;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.notice.NoticeContent;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoticeFileParserTest {

    private static Catalog catalog;

    @BeforeAll
    static void readCatalog() {
        catalog = CatalogReader.read(Path.of("notices/catalog"));
    }

    private static final String GOOD = """
            ---
            title: Commission opens proceedings against X
            date: 2023-12-18
            type: opening-of-proceedings
            authority: european-commission
            jurisdiction: EU
            platforms: [x]
            rules: [DSA:34, DSA:35]
            sources:
              - https://ec.europa.eu/commission/presscorner/detail/en/ip_23_6709
            ---
            The **body**.
            """;

    @Test
    void parsesFrontMatterAndBodyAndTakesSlugFromFileName() {
        NoticeContent notice = parse("2023/a.md", "2023-12-18-a", GOOD, catalog);

        assertThat(notice.slug()).isEqualTo("2023-12-18-a");
        assertThat(notice.title()).isEqualTo("Commission opens proceedings against X");
        assertThat(notice.date()).isEqualTo("2023-12-18");
        assertThat(notice.platforms()).containsExactly("x");
        assertThat(notice.rules()).containsExactly("DSA:34", "DSA:35");
        assertThat(notice.language()).isEqualTo("en");
        assertThat(notice.body()).isEqualTo("The **body**.");
    }

    @Test
    void reportsEveryProblemWithItsLineAndField() {
        String broken = """
                ---
                title: Broken
                date: 2023-02-30
                type: opening
                authority: european-commission
                jurisdiction: EU
                platforms:
                  - x
                  - myspace
                rules: [DSA:34, DSA:999, GDPR]
                sources: [https://example.org/a]
                ---
                Body
                """;

        CorpusException e = catchThrowableOfType(() -> parse("2023/b.md", "b", broken, catalog), CorpusException.class);

        assertThat(e.problems()).extracting(p -> p.line() + " " + p.field())
                .containsExactlyInAnyOrder("3 date", "4 type", "9 platforms", "10 rules", "10 rules");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("2023/b.md"));
        assertThat(e.getMessage()).contains("unknown platform 'myspace'", "unknown rule 'DSA:999'", "bad rule key 'GDPR'", "bad date '2023-02-30'");
    }

    @Test
    void missingTitleAndSourcesAreReported() {
        String text = GOOD.replace("title: Commission opens proceedings against X\n", "")
                .replace("sources:\n  - https://ec.europa.eu/commission/presscorner/detail/en/ip_23_6709\n", "");

        CorpusException e = catchThrowableOfType(() -> parse("c.md", "c", text, catalog), CorpusException.class);

        assertThat(e.problems()).extracting(CorpusProblem::field).containsExactlyInAnyOrder("title", "sources");
    }

    @Test
    void unknownFieldIsAnErrorNotSilentlyIgnored() {
        String text = GOOD.replace("platforms: [x]", "platfroms: [x]");

        CorpusException e = catchThrowableOfType(() -> parse("d.md", "d", text, catalog), CorpusException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("unknown field 'platfroms'");
        });
    }

    @Test
    void fileWithoutFrontMatterOrWithUnclosedFrontMatterIsRejected() {
        assertThat(catchThrowableOfType(() -> parse("e.md", "e", "# Just markdown", catalog), CorpusException.class)
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("front matter"));
        assertThat(catchThrowableOfType(() -> parse("f.md", "f", "---\ntitle: x\n", catalog), CorpusException.class)
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not closed"));
    }

    @Test
    void slugThatDiffersFromFileNameIsRejected() {
        String text = GOOD.replace("title:", "slug: another-slug\ntitle:");

        CorpusException e = catchThrowableOfType(() -> parse("g.md", "g", text, catalog), CorpusException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("slug");
            assertThat(p.line()).isEqualTo(2);
        });
    }

    /** What loading does with a file: read its form, then check the content as the notice service does, problems on their lines. */
    private static NoticeContent parse(String file, String stem, String text, Catalog catalog) {
        NoticeFileParser.ParsedNotice parsed = NoticeFileParser.parse(file, stem, text);
        List<FieldError> errors = NoticeValidator.validate(parsed.content(), catalog);
        if (!errors.isEmpty()) {
            throw new CorpusException(parsed.problems(errors));
        }
        return parsed.content();
    }
}
