package org.noticeline.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.corpus.synthetic.SyntheticCorpus;
import org.noticeline.corpus.synthetic.SyntheticNotices;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.InvalidException;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NoticeService#createAll} writes what as many {@link NoticeService#create}s write (revisions, links, change
 * rows with their states), or nothing at all. Synthetic notices of 1994 and 1995, so no other test sees them.
 */
@QuarkusTest
class BatchWriteTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** Seeds of this run: a database kept from an earlier run (PostgreSQL) already has that run's notices. */
    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 10;
    private static final NoticeService.Author AUTHOR = NoticeService.Author.of("batch-test", NoticeOrigin.API);

    @Inject
    NoticeService notices;
    @Inject
    CatalogStore catalog;
    @Inject
    SyntheticCorpus corpus;
    @Inject
    EntityManager em;

    private List<NoticeContent> synthetic(long seed, int count) {
        return new SyntheticNotices(catalog.catalog(), seed, LocalDate.of(1994, 1, 1), LocalDate.of(1994, 12, 31)).make(0, count);
    }

    @Test
    void aBatchWritesWhatSingleCreatesWrite() {
        List<NoticeContent> batch = synthetic(RUN + 1, 50);
        List<NoticeContent> singles = batch.stream().map(c -> c.withSlug(c.slug().replace("synthetic-", "single-"))).toList();
        assertThat(notices.createAll(batch, AUTHOR)).allSatisfy(w -> assertThat(w.outcome()).isEqualTo(NoticeService.Outcome.CREATED));
        singles.forEach(c -> notices.create(c, AUTHOR, null));

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < batch.size(); i++) {
                Notice fromBatch = Notice.findBySlug(batch.get(i).slug()).orElseThrow();
                Notice single = Notice.findBySlug(singles.get(i).slug()).orElseThrow();
                assertThat(NoticeLinks.signature(fromBatch)).isEqualTo(NoticeLinks.signature(single)).isNotEmpty();
                assertThat(fromBatch.revision).isEqualTo(single.revision).isEqualTo(1);
                assertThat(fromBatch.ingestedAt).isEqualTo(fromBatch.updatedAt);
                List<NoticeRevision> revisions = NoticeRevision.of(fromBatch);
                assertThat(revisions).hasSize(1);
                assertThat(revisions.get(0).snapshot).isEqualTo(NoticeSnapshots.toJson(batch.get(i)));
                assertThat(revisions.get(0).changedAt).isEqualTo(fromBatch.ingestedAt);
                // The state logged is the notice as read back, as for a single write (links in any order: the database keeps none).
                assertThat(unordered(stateOf(fromBatch))).isEqualTo(unordered(NoticeStates.of(fromBatch)));
                assertThat(unordered(stateOf(single))).isEqualTo(unordered(NoticeStates.of(single)));
                assertThat(kindsOf(fromBatch)).isEqualTo(kindsOf(single)).containsExactly("created|1|true|batch-test");
            }
        });
    }

    @Test
    void theSameBatchAgainChangesNothing() {
        List<NoticeContent> batch = synthetic(RUN + 2, 20);
        notices.createAll(batch, AUTHOR);
        long before = changeRows();
        assertThat(notices.createAll(batch, AUTHOR)).allSatisfy(w -> assertThat(w.outcome()).isEqualTo(NoticeService.Outcome.UNCHANGED));
        assertThat(changeRows()).isEqualTo(before);
    }

    @Test
    void oneInvalidNoticeFailsTheWholeBatchAndNamesIt() {
        List<NoticeContent> batch = new java.util.ArrayList<>(synthetic(RUN + 3, 30));
        NoticeContent bad = batch.get(7);
        batch.set(7, new NoticeContent(bad.slug(), bad.title(), "1994-13-45", bad.type(), bad.authority(), bad.jurisdiction(), bad.platforms(),
                bad.rules(), bad.proceeding(), bad.language(), bad.summary(), bad.sources(), bad.body()));
        long before = changeRows();
        assertThatThrownBy(() -> notices.createAll(batch, AUTHOR)).isInstanceOfSatisfying(InvalidException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("notices[7].date");
                assertThat(error.message()).startsWith("notices[7] ('" + bad.slug() + "'): bad date");
            });
        });
        assertThat(stored(batch)).isZero();
        assertThat(changeRows()).isEqualTo(before);
    }

    @Test
    void aSlugTakenWithOtherContentOrRepeatedFailsTheWholeBatch() {
        List<NoticeContent> batch = new java.util.ArrayList<>(synthetic(RUN + 4, 10));
        NoticeContent taken = batch.get(3);
        notices.create(new NoticeContent(taken.slug(), "Another title", taken.date(), taken.type(), taken.authority(), taken.jurisdiction(),
                taken.platforms(), taken.rules(), taken.proceeding(), taken.language(), taken.summary(), taken.sources(), taken.body()), AUTHOR, null);
        assertThatThrownBy(() -> notices.createAll(batch, AUTHOR)).isInstanceOf(ConflictException.class).hasMessageStartingWith("notices[3]: ");
        assertThat(stored(batch)).isEqualTo(1);

        List<NoticeContent> twice = new java.util.ArrayList<>(synthetic(RUN + 5, 5));
        twice.add(twice.get(1));
        assertThatThrownBy(() -> notices.createAll(twice, AUTHOR)).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("notices[5].slug")));
        assertThat(stored(twice)).isZero();
    }

    @Test
    void aSyntheticCorpusLoadsThroughTheWritePathAndAgainChangesNothing() {
        SyntheticNotices synthetic = new SyntheticNotices(catalog.catalog(), RUN + 6, LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31));
        SyntheticCorpus.LoadReport first = corpus.load(synthetic, 1_200, 2);
        assertThat(first.created()).isEqualTo(1_200);
        assertThat(stored(synthetic.make(0, 1_200))).isEqualTo(1_200);
        SyntheticCorpus.LoadReport again = corpus.load(synthetic, 1_200, 2);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(1_200);
    }

    private long stored(List<NoticeContent> contents) {
        return QuarkusTransaction.requiringNew().call(() -> Notice.count("slug in ?1", contents.stream().map(NoticeContent::slug).toList()));
    }

    private long changeRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from notice_change").getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> kindsOf(Notice notice) {
        return ((List<Object[]>) em.createNativeQuery("select kind, revision, visible, changed_by from notice_change where notice_id = ?1 order by id")
                .setParameter(1, notice.id).getResultList()).stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]).toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode unordered(String state) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode view = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(state);
            for (String links : List.of("platforms", "rules")) {
                List<String> values = new java.util.ArrayList<>();
                view.withArray(links).forEach(v -> values.add(v.toString()));
                java.util.Collections.sort(values);
                view.set(links, JSON.valueToTree(values));
            }
            return view;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stateOf(Notice notice) {
        return (String) em.createNativeQuery("select state from notice_change where notice_id = ?1").setParameter(1, notice.id).getSingleResult();
    }
}
