package org.noticeline.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticeline.catalog.model.Catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogReaderTest {

    private static final List<String> REQUIRED_INSTRUMENTS = List.of("DSA", "DMA", "GDPR", "AIA", "TCO", "EMFA", "TTPA", "AVMSD",
            "EPRIVACY", "ECD", "CHARTER", "TFEU", "UK-OSA", "AU-OSA", "DE-NETZDG", "USC-47", "USC-15", "CFR-16");
    private static final List<String> REQUIRED_PLATFORMS = List.of("x", "facebook", "instagram", "threads", "messenger", "whatsapp",
            "tiktok", "youtube", "google-search", "google-play", "google-maps", "google-shopping", "amazon-store", "apple-app-store",
            "aliexpress", "temu", "shein", "snapchat", "linkedin", "pinterest", "zalando", "booking-com", "wikipedia", "bing",
            "pornhub", "xvideos", "stripchat", "xnxx", "telegram", "reddit", "4chan");

    @Test
    void shippedCatalogHasEveryRequiredInstrumentAndPlatform() {
        Catalog catalog = CatalogReader.read(Path.of("notices/catalog"));

        assertThat(catalog.instruments()).extracting(i -> i.code()).containsAll(REQUIRED_INSTRUMENTS);
        assertThat(catalog.platforms()).extracting(p -> p.id()).containsAll(REQUIRED_PLATFORMS);
        assertThat(catalog.hasRule("DSA:34")).isTrue();
        assertThat(catalog.hasRule("AVMSD:28b")).isTrue();
        assertThat(catalog.hasRule("USC-47:230")).isTrue();
        assertThat(catalog.hasRule("DSA:94")).as("the DSA has 93 articles").isFalse();
        assertThat(catalog.instrument("DSA").orElseThrow().provision("34").orElseThrow().heading()).isEqualTo("Risk assessment");
    }

    @Test
    void reportsUnknownReferencesWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("instruments.yaml"), "- {code: DSA, title: Digital Services Act, unit: article, numbering: 1-93}\n");
        Files.writeString(dir.resolve("providers.yaml"), "- {id: meta, name: Meta}\n");
        Files.writeString(dir.resolve("platforms.yaml"), """
                - id: facebook
                  name: Facebook
                  provider: meta
                - id: myspace
                  name: Myspace
                  provider: news-corp
                """);

        CorpusException e = catchThrowableOfType(() -> CatalogReader.read(dir), CorpusException.class);

        assertThat(e.problems()).containsExactly(
                new CorpusProblem("catalog/platforms.yaml", 4, "provider", "unknown provider 'news-corp'"));
    }

    @Test
    void reportsYamlErrorsAndUnknownFieldsWithLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("authorities.yaml"), """
                - id: ofcom
                  name: Ofcom
                  jurisdction: UK
                """);

        CorpusException e = catchThrowableOfType(() -> CatalogReader.read(dir), CorpusException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("catalog/authorities.yaml");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("unknown field 'jurisdction'");
        });
    }

    @Test
    void readsTheNamesTheEngineReadsInContextAndChecksThem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("instruments.yaml"), """
                - code: UK-OSA
                  title: Online Safety Act 2023
                  unit: section
                  contextAliases: [Online Safety Act]
                  genericNames: [Act]
                """);
        Files.writeString(dir.resolve("providers.yaml"), """
                - id: amazon
                  name: Amazon
                  notNames: [the Amazon basin]
                - id: acme
                  name: Acme
                  notNames: [the Amazon basin]
                """);

        CorpusException e = catchThrowableOfType(() -> CatalogReader.read(dir), CorpusException.class);

        assertThat(e.problems()).containsExactly(new CorpusProblem("catalog/providers.yaml", 4, "notNames",
                "'the Amazon basin' contains none of the names of 'acme'"));
        Files.writeString(dir.resolve("providers.yaml"), "- {id: amazon, name: Amazon, notNames: [the Amazon basin]}\n");
        Catalog catalog = CatalogReader.read(dir);
        assertThat(catalog.instrument("UK-OSA").orElseThrow().contextAliases()).containsExactly("Online Safety Act");
        assertThat(catalog.instrument("UK-OSA").orElseThrow().genericNames()).containsExactly("Act");
        assertThat(catalog.providers().get(0).notNames()).containsExactly("the Amazon basin");
    }

    @Test
    void shippedRelatedProvisionsAreGroupsOfKnownRules() {
        Catalog catalog = CatalogReader.read(Path.of("notices/catalog"));

        assertThat(catalog.related()).extracting(g -> g.id()).contains("protection-of-minors", "risk-assessment", "researcher-data-access");
        assertThat(catalog.related()).allSatisfy(g -> assertThat(g.provisions()).hasSizeGreaterThanOrEqualTo(2).allMatch(catalog::hasRule));
        assertThat(catalog.relatedKeys("DSA:28")).contains("UK-OSA:12", "AU-OSA:45", "AVMSD:28b").doesNotContain("DSA:28");
        assertThat(catalog.relatedKeys("DSA:34")).contains("DSA:35", "UK-OSA:9");
        assertThat(catalog.relatedKeys("DSA:57")).isEmpty();
    }

    @Test
    void relatedProvisionsNameTheLineOfAnUnknownOrRepeatedKey(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("instruments.yaml"), """
                - {code: DSA, title: Digital Services Act, unit: article, numbering: 1-93}
                - {code: UK-OSA, title: Online Safety Act 2023, unit: section, numbering: 1-241}
                """);
        Files.writeString(dir.resolve("related.yaml"), """
                - id: minors
                  name: Protection of minors
                  provisions: [DSA:28, UK-OSA:12]
                - id: risk
                  name: Risk assessment
                  provisions:
                    - dsa:34
                    - DSA:94
                    - DSA:34
                - id: alone
                  name: Alone
                  provisions: [DSA:40]
                """);

        CorpusException e = catchThrowableOfType(() -> CatalogReader.read(dir), CorpusException.class);

        assertThat(e.problems()).containsExactly(
                new CorpusProblem("catalog/related.yaml", 8, "provisions", "unknown rule 'DSA:94'; expected a key such as DSA:28 that instruments.yaml has"),
                new CorpusProblem("catalog/related.yaml", 9, "provisions", "'DSA:34' is listed twice"),
                new CorpusProblem("catalog/related.yaml", 10, "provisions", "a group relates at least two provisions"));
        Files.writeString(dir.resolve("related.yaml"), "- {id: minors, name: Minors, provisions: [dsa:28, UK-OSA:12]}\n");
        assertThat(CatalogReader.read(dir).relatedKeys("DSA:28")).as("keys are read in their canonical spelling").containsExactly("UK-OSA:12");
    }
}
