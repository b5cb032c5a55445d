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
}
