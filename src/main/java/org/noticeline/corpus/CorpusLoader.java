package org.noticeline.corpus;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.hash.Sha256;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.notice.NoticeStatus;
import org.noticeline.transaction.Milestones;
import org.noticeline.transaction.RetryOnConflict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads {@code notices/} into the database: the catalog first, then every notice file. A file is
 * validated whole before anything of it is written, so a broken file writes nothing and never
 * stops the others. The load holds the {@code corpus} row lock, so replicas starting together
 * take turns; the second finds every content hash unchanged and writes nothing.
 *
 * <p>A load records the corpus's fingerprint (every file's path and content) as a milestone. A start finding its
 * corpus's fingerprint recorded reads no file and writes nothing: the corpus is what the database already holds, and
 * reading it again took seconds of every start. Explicit reloads always read everything.
 */
@ApplicationScoped
public class CorpusLoader {

    static final String CORPUS_USER = "corpus";
    /** Bump when a change to how files are read would load an unchanged corpus differently. */
    static final int FORMAT = 1;
    private static final String LOADED = "corpus:";
    private static final Logger LOG = Logger.getLogger(CorpusLoader.class);

    @Inject
    NoticelineConfig config;
    @Inject
    EntityManager em;
    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticeService notices;
    @Inject
    ChangeLog changes;
    @Inject
    Milestones milestones;

    void onStart(@Observes StartupEvent event) {
        if (!config.loadCorpusOnStart()) {
            return;
        }
        Path corpusDir = config.corpusDir();
        String fingerprint = fingerprint(corpusDir);
        if (milestones.reached(fingerprint)) {
            LOG.infof("corpus unchanged since its last load: %s not read again", corpusDir);
            return;
        }
        load(corpusDir, fingerprint);
    }

    public CorpusReport load() {
        return load(config.corpusDir());
    }

    public CorpusReport load(Path corpusDir) {
        return load(corpusDir, fingerprint(corpusDir));
    }

    /** {@code fingerprint} is taken before any file is read: a file changed during the load makes the next start load. */
    @RetryOnConflict
    @Transactional
    CorpusReport load(Path corpusDir, String fingerprint) {
        em.createNativeQuery("select name from app_lock where name = 'corpus' for update").getResultList();
        Instant now = Instant.now();
        List<CorpusProblem> problems = new ArrayList<>();
        Catalog catalog;
        try {
            catalog = CatalogReader.read(corpusDir.resolve("catalog"));
        } catch (CorpusException e) {
            problems.addAll(e.problems());
            return finish(new CorpusReport(now, 0, 0, 0, 0, problems), fingerprint);
        }
        if (catalogStore.save(catalog)) {
            changes.append(ChangeKind.CATALOG, null, null, null, true, CORPUS_USER, now, null);
        }
        List<Path> files = noticeFiles(corpusDir);
        List<NoticeFileParser.ParsedNotice> parsed = new ArrayList<>();
        java.util.Map<String, String> slugs = new java.util.HashMap<>();
        for (Path path : files) {
            String file = corpusDir.relativize(path).toString().replace('\\', '/');
            String stem = path.getFileName().toString().replaceFirst("\\.md$", "");
            String earlier = slugs.putIfAbsent(stem, file);
            if (earlier != null) {
                problems.add(new CorpusProblem(file, 1, "slug", "slug '" + stem + "' is already used by " + earlier));
                continue;
            }
            try {
                parsed.add(NoticeFileParser.parse(file, stem, Files.readString(path, StandardCharsets.UTF_8)));
            } catch (CorpusException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new CorpusProblem(file, 1, null, "cannot read file: " + e.getMessage()));
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<NoticeService.BatchResult> results = notices.upsertAll(parsed.stream()
                .map(p -> new NoticeService.Upsert(p.content(), new NoticeService.Author(CORPUS_USER, NoticeOrigin.CORPUS, p.file()),
                        NoticeStatus.PUBLISHED))
                .toList());
        for (int i = 0; i < results.size(); i++) {
            NoticeService.BatchResult result = results.get(i);
            if (!result.errors().isEmpty()) {
                problems.addAll(parsed.get(i).problems(result.errors()));
                continue;
            }
            switch (result.written().outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return finish(new CorpusReport(now, files.size(), created, updated, unchanged, problems), fingerprint);
    }

    private CorpusReport finish(CorpusReport report, String fingerprint) {
        CorpusProblemRecord.replaceAll(report.problems(), report.loadedAt());
        milestones.replace(LOADED, fingerprint, report.loadedAt());
        report.problems().forEach(p -> LOG.warnf("corpus problem: %s", p));
        LOG.infof("corpus loaded: %d files, %d created, %d updated, %d unchanged, %d problems",
                report.files(), report.created(), report.updated(), report.unchanged(), report.problems().size());
        return report;
    }

    /** {@value #LOADED} and a digest of every file below the corpus folder, its path and its bytes, in path order. */
    static String fingerprint(Path corpusDir) {
        StringBuilder files = new StringBuilder("format ").append(FORMAT).append('\n');
        if (Files.isDirectory(corpusDir)) {
            try (Stream<Path> walk = Files.walk(corpusDir)) {
                for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.append(corpusDir.relativize(path).toString().replace('\\', '/')).append('\0')
                            .append(Sha256.hex(Files.readAllBytes(path))).append('\n');
                }
            } catch (IOException e) {
                // An unreadable corpus is never taken for the one loaded: the load reports the file.
                return LOADED + "unreadable " + Instant.now();
            }
        }
        // 7 + 57 characters: the milestone's name holds 64.
        return LOADED + Sha256.hex(files.toString()).substring(0, 57);
    }

    /** Notice files: every {@code .md} below the corpus folder except the catalog and READMEs. */
    private static List<Path> noticeFiles(Path corpusDir) {
        if (!Files.isDirectory(corpusDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(corpusDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .filter(p -> !corpusDir.relativize(p).startsWith("catalog"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
