package org.noticeline.corpus;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProceedingSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.RelatedGroupSpec;
import org.noticeline.catalog.model.RuleKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code notices/catalog/*.yaml} into a {@link Catalog} and checks that every reference in it
 * (a platform's provider, a proceeding's authority) resolves. Any problem fails the whole catalog:
 * notices cannot be checked against a catalog that is itself wrong.
 */
public final class CatalogReader {

    public static final String INSTRUMENTS = "instruments.yaml";
    public static final String PLATFORMS = "platforms.yaml";
    public static final String PROVIDERS = "providers.yaml";
    public static final String AUTHORITIES = "authorities.yaml";
    public static final String PROCEEDINGS = "proceedings.yaml";
    public static final String RELATED = "related.yaml";

    private final Path dir;
    private final List<CorpusProblem> problems = new ArrayList<>();

    private CatalogReader(Path dir) {
        this.dir = dir;
    }

    /** Reads the catalog folder ({@code notices/catalog}). */
    public static Catalog read(Path catalogDir) {
        return new CatalogReader(catalogDir).read();
    }

    private Catalog read() {
        List<InstrumentSpec> instruments = list(INSTRUMENTS, InstrumentSpec.class);
        List<ProviderSpec> providers = list(PROVIDERS, ProviderSpec.class);
        List<PlatformSpec> platforms = list(PLATFORMS, PlatformSpec.class);
        List<AuthoritySpec> authorities = list(AUTHORITIES, AuthoritySpec.class);
        List<ProceedingSpec> proceedings = list(PROCEEDINGS, ProceedingSpec.class);
        List<RelatedGroupSpec> related = list(RELATED, RelatedGroupSpec.class).stream()
                .map(g -> new RelatedGroupSpec(g.id(), g.name(), g.note(), g.provisions().stream().map(CatalogReader::canonicalKey).toList()))
                .toList();
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        Catalog catalog = new Catalog(instruments, platforms, providers, authorities, proceedings, related);
        unique(INSTRUMENTS, "code", instruments, InstrumentSpec::code);
        unique(PROVIDERS, "id", providers, ProviderSpec::id);
        unique(PLATFORMS, "id", platforms, PlatformSpec::id);
        unique(AUTHORITIES, "id", authorities, AuthoritySpec::id);
        unique(PROCEEDINGS, "id", proceedings, ProceedingSpec::id);
        unique(RELATED, "id", related, RelatedGroupSpec::id);
        for (InstrumentSpec instrument : instruments) {
            require(INSTRUMENTS, "code", instrument.code(), "title", instrument.title());
            if (!List.of("article", "section", "part").contains(instrument.unit())) {
                problem(INSTRUMENTS, "code", instrument.code(), "unit", "unit must be article, section or part, not '" + instrument.unit() + "'");
            }
            if (instrument.numbering() != null && !instrument.numbering().matches("\\d+-\\d+")) {
                problem(INSTRUMENTS, "code", instrument.code(), "numbering", "numbering must look like 1-93");
            }
            noBlankNames(INSTRUMENTS, "code", instrument.code(), "contextAliases", instrument.contextAliases());
            noBlankNames(INSTRUMENTS, "code", instrument.code(), "genericNames", instrument.genericNames());
        }
        for (PlatformSpec platform : platforms) {
            require(PLATFORMS, "id", platform.id(), "name", platform.name());
            if (platform.provider() != null && catalog.provider(platform.provider()).isEmpty()) {
                problem(PLATFORMS, "id", platform.id(), "provider", "unknown provider '" + platform.provider() + "'");
            }
            notNamesContainAName(PLATFORMS, platform.id(), platform.name(), platform.aliases(), platform.notNames());
            platform.designations().stream()
                    .filter(d -> catalog.instrument(d.instrument()).isEmpty())
                    .forEach(d -> problem(PLATFORMS, "id", platform.id(), "designations", "unknown instrument '" + d.instrument() + "'"));
        }
        for (ProviderSpec provider : providers) {
            notNamesContainAName(PROVIDERS, provider.id(), provider.name(), provider.aliases(), provider.notNames());
        }
        for (AuthoritySpec authority : authorities) {
            require(AUTHORITIES, "id", authority.id(), "name", authority.name());
            noBlankNames(AUTHORITIES, "id", authority.id(), "contextAliases", authority.contextAliases());
        }
        for (ProceedingSpec proceeding : proceedings) {
            require(PROCEEDINGS, "id", proceeding.id(), "title", proceeding.title());
            if (catalog.authority(proceeding.authority()).isEmpty()) {
                problem(PROCEEDINGS, "id", proceeding.id(), "authority", "unknown authority '" + proceeding.authority() + "'");
            }
            if (proceeding.instrument() != null && catalog.instrument(proceeding.instrument()).isEmpty()) {
                problem(PROCEEDINGS, "id", proceeding.id(), "instrument", "unknown instrument '" + proceeding.instrument() + "'");
            }
            proceeding.platforms().stream()
                    .filter(p -> catalog.platform(p).isEmpty())
                    .forEach(p -> problem(PROCEEDINGS, "id", proceeding.id(), "platforms", "unknown platform '" + p + "'"));
        }
        for (RelatedGroupSpec group : related) {
            require(RELATED, "id", group.id(), "name", group.name());
            if (group.provisions().size() < 2) {
                problem(RELATED, "id", group.id(), "provisions", "a group relates at least two provisions");
            }
            Set<String> seen = new HashSet<>();
            for (String key : group.provisions()) {
                if (!catalog.hasRule(key)) {
                    provisionProblem(group.id(), key, 1, "unknown rule '" + key + "'; expected a key such as DSA:28 that instruments.yaml has");
                } else if (!seen.add(key)) {
                    provisionProblem(group.id(), key, 2, "'" + key + "' is listed twice");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        return catalog;
    }

    /** {@code dsa:28} as {@code DSA:28}; what does not parse stays as written, for the problem to quote. */
    private static String canonicalKey(String key) {
        return key == null ? "" : RuleKey.parse(key).map(RuleKey::toString).orElse(key.trim());
    }

    /** A problem with one key of a group, at the line that lists it the {@code nth} time from the group's own line. */
    private void provisionProblem(String groupId, String key, int nth, String message) {
        problems.add(new CorpusProblem(displayName(RELATED), line(RELATED, "id", groupId, key, nth), "provisions", message));
    }

    private <T> List<T> list(String file, Class<T> type) {
        Path path = dir.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            return Yaml.readList(displayName(file), Files.readString(path, StandardCharsets.UTF_8), type);
        } catch (CorpusException e) {
            problems.addAll(e.problems());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void unique(String file, String keyField, List<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            if (value == null || value.isBlank()) {
                problems.add(new CorpusProblem(displayName(file), 1, keyField, "an entry has no " + keyField));
            } else if (!seen.add(value)) {
                problem(file, keyField, value, keyField, "duplicate " + keyField + " '" + value + "'");
            }
        }
    }

    private void noBlankNames(String file, String keyField, String key, String field, List<String> names) {
        if (names.stream().anyMatch(n -> n == null || n.isBlank())) {
            problem(file, keyField, key, field, field + " must not hold an empty name");
        }
    }

    /** A phrase listed as not meaning an entry is only ever needed where it contains one of the entry's names. */
    private void notNamesContainAName(String file, String id, String name, List<String> aliases, List<String> notNames) {
        for (String phrase : notNames) {
            boolean containsName = phrase != null && Stream.concat(Stream.of(name), aliases.stream())
                    .anyMatch(n -> n != null && !n.isBlank() && phrase.contains(n));
            if (!containsName) {
                problem(file, "id", id, "notNames", "'" + phrase + "' contains none of the names of '" + id + "'");
            }
        }
    }

    private void require(String file, String keyField, String key, String field, String value) {
        if (value == null || value.isBlank()) {
            problem(file, keyField, key, field, "missing " + field);
        }
    }

    /** Records a problem at the line where the entry {@code keyField: key} starts. */
    private void problem(String file, String keyField, String key, String field, String message) {
        problems.add(new CorpusProblem(displayName(file), line(file, keyField, key, null, 0), field, message));
    }

    /**
     * The line where the entry {@code keyField: key} starts or, given {@code listed}, the line from there that lists
     * that value the {@code nth} time; line 1 when neither can be found.
     */
    private int line(String file, String keyField, String key, String listed, int nth) {
        try {
            String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            int entry = Yaml.lineOf(text, "\\b" + keyField + ":\\s*\"?" + Pattern.quote(String.valueOf(key)) + "\"?\\s*[,}\\n]?", 1);
            if (listed == null) {
                return entry;
            }
            Pattern value = Pattern.compile("(^|[\\s\\[,\"'])" + Pattern.quote(listed) + "($|[\\s\\],\"'])", Pattern.CASE_INSENSITIVE);
            String[] lines = text.split("\n", -1);
            int seen = 0;
            for (int i = entry - 1; i < lines.length; i++) {
                java.util.regex.Matcher m = value.matcher(lines[i]);
                while (m.find()) {
                    if (++seen == nth) {
                        return i + 1;
                    }
                }
            }
            return entry;
        } catch (IOException e) {
            // the file was readable a moment ago; line 1 is the best we can say
            return 1;
        }
    }

    private String displayName(String file) {
        return "catalog/" + file;
    }
}
