package org.noticeline.linking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** One labelled passage of {@code linking/passages.yaml}: a text and the links a careful reader makes in it. */
record Passage(String id, String source, String note, String text, List<String> rules, List<String> platforms,
               List<String> providers) {

    Passage {
        rules = rules == null ? List.of() : List.copyOf(rules);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    static List<Passage> all() {
        try (InputStream in = Passage.class.getResourceAsStream("/linking/passages.yaml")) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return List.of(yaml.readValue(in, Passage[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
