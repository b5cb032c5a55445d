package org.noticeline.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.List;
import java.util.regex.Pattern;

/** Reads corpus YAML strictly (unknown fields are errors, aliases limited) and turns parse errors into located problems. */
final class Yaml {

    private static final ObjectMapper MAPPER = create();

    private Yaml() {
    }

    private static ObjectMapper create() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    static <T> T read(String file, String text, int firstLine, JavaType type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            int reported = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String field = fieldOf(e);
            int line = firstLine - 1 + (field == null ? reported : lineOfKeyBefore(text, field, reported));
            throw new CorpusException(List.of(new CorpusProblem(file, line, field, messageOf(e))));
        }
    }

    static <T> T read(String file, String text, int firstLine, Class<T> type) {
        return read(file, text, firstLine, MAPPER.constructType(type));
    }

    static <T> List<T> readList(String file, String text, Class<T> element) {
        List<T> items = read(file, text, 1, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
        return items == null ? List.of() : items;
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknown.getPropertyName();
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            var last = mapping.getPath().get(mapping.getPath().size() - 1);
            return last.getFieldName();
        }
        return null;
    }

    private static String messageOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        String message = e.getOriginalMessage();
        // Jackson's messages name Java types; the curator needs the gist, not our class names.
        return message.replaceAll("(?s)\\s*at \\[Source.*$", "").replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1").trim();
    }

    /**
     * Jackson reports record fields where the whole entry ends, since it buffers them for the
     * constructor; the curator needs the line of the key itself, the last one at or before that point.
     */
    private static int lineOfKeyBefore(String text, String key, int reported) {
        Pattern pattern = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return reported;
    }

    /** 1-based line of the first line matching {@code regex}, or {@code fallback}. */
    static int lineOf(String text, String regex, int fallback) {
        Pattern pattern = Pattern.compile(regex);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return fallback;
    }
}
