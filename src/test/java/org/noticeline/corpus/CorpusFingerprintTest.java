package org.noticeline.corpus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A start reads the corpus only when its files differ from those the last load read. */
@QuarkusTest
class CorpusFingerprintTest {

    @Inject
    CorpusLoader loader;
    @Inject
    EntityManager em;

    @Test
    void theFingerprintFollowsEveryFileItsPathAndItsBytes() throws IOException {
        Path corpus = Files.createTempDirectory("corpus-fingerprint");
        try {
            Files.createDirectories(corpus.resolve("catalog"));
            Files.writeString(corpus.resolve("catalog/platforms.yaml"), "platforms: []\n");
            Files.writeString(corpus.resolve("a.md"), "---\ntitle: A\n---\n");
            String first = CorpusLoader.fingerprint(corpus);
            assertThat(first).startsWith("corpus:").hasSize(64);
            assertThat(CorpusLoader.fingerprint(corpus)).isEqualTo(first);

            Files.writeString(corpus.resolve("a.md"), "---\ntitle: B\n---\n");
            String edited = CorpusLoader.fingerprint(corpus);
            assertThat(edited).isNotEqualTo(first);

            Files.move(corpus.resolve("a.md"), corpus.resolve("b.md"));
            String renamed = CorpusLoader.fingerprint(corpus);
            assertThat(renamed).isNotIn(first, edited);

            Files.writeString(corpus.resolve("catalog/platforms.yaml"), "platforms: [] \n");
            assertThat(CorpusLoader.fingerprint(corpus)).isNotIn(first, edited, renamed);
        } finally {
            try (var walk = Files.walk(corpus)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aStartLoadsTheCorpusOnlyWhenItsFingerprintIsNotTheOneLastLoaded() {
        loader.load();
        String fingerprint = CorpusLoader.fingerprint(Path.of("notices"));
        List<Object[]> recorded = milestones();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0)[0]).isEqualTo(fingerprint);
        OffsetDateTime loadedAt = reachedAt(recorded.get(0));

        loader.onStart(new StartupEvent());
        assertThat(reachedAt(milestones().get(0))).as("an unchanged corpus is not loaded again").isEqualTo(loadedAt);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update app_milestone set name = 'corpus:another', reached_at = ?1 where name = ?2")
                .setParameter(1, loadedAt.minusDays(1)).setParameter(2, fingerprint).executeUpdate());
        loader.onStart(new StartupEvent());
        List<Object[]> after = milestones();
        assertThat(after).as("the other corpus's record is replaced by this one's").hasSize(1);
        assertThat(after.get(0)[0]).isEqualTo(fingerprint);
        assertThat(reachedAt(after.get(0))).isAfterOrEqualTo(loadedAt);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> milestones() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name, reached_at from app_milestone where name like 'corpus:%'").getResultList());
    }

    private static OffsetDateTime reachedAt(Object[] row) {
        Object value = row[1];
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }
}
