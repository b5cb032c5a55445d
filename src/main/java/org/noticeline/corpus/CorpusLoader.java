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
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.notice.NoticeStatus;
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
 */
@ApplicationScoped
public class CorpusLoader {

    static final String CORPUS_USER = "corpus";
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

    void onStart(@Observes StartupEvent event) {
        if (config.loadCorpusOnStart()) {
            load();
        }
    }

    public CorpusReport load() {
        return load(config.corpusDir());
    }

    @RetryOnConflict
    @Transactional
    public CorpusReport load(Path corpusDir) {
        em.createNativeQuery("select name from app_lock where name = 'corpus' for update").getResultList();
        Instant now = Instant.now();
        List<CorpusProblem> problems = new ArrayList<>();
        Catalog catalog;
        try {
            catalog = CatalogReader.read(corpusDir.resolve("catalog"));
        } catch (CorpusException e) {
            problems.addAll(e.problems());
            return finish(new CorpusReport(now, 0, 0, 0, 0, problems));
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
        return finish(new CorpusReport(now, files.size(), created, updated, unchanged, problems));
    }

    private CorpusReport finish(CorpusReport report) {
        CorpusProblemRecord.replaceAll(report.problems(), report.loadedAt());
        report.problems().forEach(p -> LOG.warnf("corpus problem: %s", p));
        LOG.infof("corpus loaded: %d files, %d created, %d updated, %d unchanged, %d problems",
                report.files(), report.created(), report.updated(), report.unchanged(), report.problems().size());
        return report;
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
