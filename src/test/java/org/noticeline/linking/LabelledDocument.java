package org.noticeline.linking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One labelled document of {@code linking/documents/*.yaml}: a multi-paragraph text shaped like a real letter,
 * decision, judgment or press release, what is known of it besides its text (jurisdiction, authority, as a notice
 * carries them), and every rule, platform, provider, authority and date a careful reader finds in it.
 *
 * @param kind     press-release, letter, decision, judgment, notice, complaint, qa or guidance
 * @param language en, de, fr or pt
 * @param pitfalls what makes the document hard: definition, generic-name, shared-name, language, numbering, party,
 *                 false-friend, cross-sentence, competing, list
 */
record LabelledDocument(String id, String kind, String language, List<String> pitfalls, String jurisdiction,
                        String authority, String note, String text, List<String> rules, List<String> platforms,
                        List<String> providers, List<String> authorities, List<String> dates) {

    static final Path FOLDER = Path.of("src/test/resources/linking/documents");

    LabelledDocument {
        pitfalls = orEmpty(pitfalls);
        rules = orEmpty(rules);
        platforms = orEmpty(platforms);
        providers = orEmpty(providers);
        authorities = orEmpty(authorities);
        dates = orEmpty(dates);
    }

    LinkingContext context() {
        return new LinkingContext(jurisdiction, authority, List.of());
    }

    static List<LabelledDocument> all() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<LabelledDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(List.of(yaml.readValue(file.toFile(), LabelledDocument[].class)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public String toString() {
        return id;
    }
}
