package org.noticeline.ingest.feed;

import org.noticeline.domain.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.noticeline.changelog.Daemon;
import org.noticeline.config.NoticelineConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code notices/catalog/sources.yaml}: the sources the curated catalog lists, applied at start-up
 * (after the corpus, whose authorities they name). A bad entry is skipped and reported in the log and
 * on {@code /admin/feeds}; the others are applied.
 */
@ApplicationScoped
public class FeedSourceFile {

    public static final String FILE = "sources.yaml";
    private static final Logger LOG = Logger.getLogger(FeedSourceFile.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    NoticelineConfig config;
    @Inject
    FeedSources sources;
    @Inject
    EntityManager em;

    private volatile List<String> problems = List.of();
    /** Guarded by this: whether the file has been applied since this replica started. */
    private boolean applied;

    /**
     * Off the start-up path, on a thread of its own: the sources the file listed at the last start are in the database
     * already, and the poller reads them from there on every round, so nothing waits for this (about a fifth of our
     * start-up work, measured in performance.md, "Start-up").
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        Path file = config.corpusDir().resolve("catalog").resolve(FILE);
        Daemon.start("feed-sources-file", () -> applyAtStart(file));
    }

    /** Unless an apply (from the admin) came first: its problems are the ones to report, not an older reading's. */
    private synchronized void applyAtStart(Path file) {
        if (applied) {
            return;
        }
        try {
            apply(file);
        } catch (RuntimeException e) {
            LOG.errorf(e, "applying %s at start-up failed; the sources in the database stay as they were", file);
        }
    }

    /** Problems found the last time this replica read the file. */
    public List<String> problems() {
        return problems;
    }

    /**
     * Applies the file in one transaction holding the {@code feed-sources} row lock, so replicas
     * starting together apply it one after the other (the second finds every entry applied).
     */
    public synchronized List<String> apply(Path file) {
        applied = true;
        List<String> found = new ArrayList<>();
        if (Files.exists(file)) {
            List<FeedSourceSpec> specs = read(file, found);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select name from app_lock where name = 'feed-sources' for update").getResultList();
                applyAll(specs, found);
            });
        }
        found.forEach(p -> LOG.warnf("feed sources: %s", p));
        problems = List.copyOf(found);
        return problems;
    }

    private void applyAll(List<FeedSourceSpec> specs, List<String> found) {
        Set<String> ids = new HashSet<>();
        for (FeedSourceSpec spec : specs) {
            String name = spec.id() == null ? "an entry without id" : "source '" + spec.id() + "'";
            List<FieldError> invalid = sources.problems(spec);
            if (!invalid.isEmpty()) {
                invalid.forEach(p -> found.add(FILE + ": " + name + ": " + p.field() + ": " + p.message()));
            } else if (!ids.add(spec.id())) {
                found.add(FILE + ": " + name + " is listed twice");
            } else {
                sources.applyFileEntry(spec).ifPresent(p -> found.add(FILE + ": " + p));
            }
        }
    }

    /** The file's entries; one that cannot be read (an unknown field, a list for a string) is reported and left out. */
    private static List<FeedSourceSpec> read(Path file, List<String> found) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            found.add(FILE + ": not readable YAML: " + e.getOriginalMessage().replaceAll("\\s+", " "));
            return List.of();
        } catch (IOException e) {
            found.add(FILE + ": cannot read: " + e.getMessage());
            return List.of();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return List.of();
        }
        if (!tree.isArray()) {
            found.add(FILE + ": expected a list of sources");
            return List.of();
        }
        List<FeedSourceSpec> specs = new ArrayList<>();
        int position = 0;
        for (JsonNode entry : tree) {
            position++;
            String name = entry.hasNonNull("id") ? "source '" + entry.get("id").asText() + "'" : "entry " + position;
            try {
                specs.add(YAML.treeToValue(entry, FeedSourceSpec.class));
            } catch (UnrecognizedPropertyException e) {
                found.add(FILE + ": " + name + ": unknown field '" + e.getPropertyName() + "'");
            } catch (JsonProcessingException e) {
                found.add(FILE + ": " + name + ": " + e.getOriginalMessage().replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1").replaceAll("\\s+", " "));
            }
        }
        return specs;
    }
}
