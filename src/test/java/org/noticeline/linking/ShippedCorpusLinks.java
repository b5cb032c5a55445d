package org.noticeline.linking;

import org.noticeline.corpus.NoticeFileParser;
import org.noticeline.notice.NoticeContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Links every notice shipped in {@code notices/} as the relinker would and counts what it detects: the figures
 * the closing note of an engine change compares before and after. Run from the project directory:
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.noticeline.linking.ShippedCorpusLinks -Dexec.classpathScope=test}.
 */
public final class ShippedCorpusLinks {

    /** Per notice: distinct rule keys and platform ids found, and those of them the curator had not linked. */
    record Counts(String slug, Set<String> rules, Set<String> platforms, Set<String> detectedRules, Set<String> detectedPlatforms) {
    }

    private ShippedCorpusLinks() {
    }

    public static void main(String[] args) {
        List<Counts> all = count(RealCatalog.LINKER);
        all.forEach(c -> System.out.println(c.slug() + "  rules " + c.rules() + "  platforms " + c.platforms()
                + "  detected " + c.detectedRules() + " " + c.detectedPlatforms()));
        System.out.printf("Shipped corpus, engine %d: %d notices, %d rule links and %d platform links found, "
                        + "of which %d rules and %d platforms detected beyond the curated links%n",
                Linker.ENGINE_VERSION, all.size(),
                all.stream().mapToInt(c -> c.rules().size()).sum(), all.stream().mapToInt(c -> c.platforms().size()).sum(),
                all.stream().mapToInt(c -> c.detectedRules().size()).sum(),
                all.stream().mapToInt(c -> c.detectedPlatforms().size()).sum());
    }

    static List<Counts> count(Linker linker) {
        try (Stream<Path> files = Files.walk(Path.of("notices"))) {
            return files.filter(f -> f.toString().endsWith(".md") && f.getParent().getFileName().toString().matches("\\d{4}")).sorted()
                    .map(f -> counts(linker, parse(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NoticeContent parse(Path file) {
        try {
            String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
            return NoticeFileParser.parse(file.toString(), stem, Files.readString(file, StandardCharsets.UTF_8)).content();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context the relinker gives a notice (NoticeLinks.context): its jurisdiction, authority and curated instruments. */
    private static LinkingContext context(NoticeContent notice) {
        return new LinkingContext(notice.jurisdiction(), notice.authority(),
                notice.rules().stream().map(key -> key.substring(0, key.indexOf(':'))).distinct().toList());
    }

    private static Counts counts(Linker linker, NoticeContent notice) {
        DetectedLinks links = linker.extract(notice.body(), context(notice)).links();
        Set<String> rules = new LinkedHashSet<>(links.ruleKeys());
        rules.removeIf(key -> !RealCatalog.CATALOG.hasRule(key));
        Set<String> platforms = new LinkedHashSet<>(links.platformIds());
        Set<String> detectedRules = new LinkedHashSet<>(rules);
        detectedRules.removeAll(notice.rules());
        Set<String> detectedPlatforms = new LinkedHashSet<>(platforms);
        detectedPlatforms.removeAll(notice.platforms());
        return new Counts(notice.slug(), rules, platforms, detectedRules, detectedPlatforms);
    }
}
