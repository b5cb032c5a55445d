package org.noticeline.corpus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeRevision;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two loads at once (as two replicas starting together would run) take turns on the lock and load nothing twice. */
@QuarkusTest
class ConcurrentCorpusLoadTest {

    @Inject
    CorpusLoader loader;

    @Test
    void simultaneousLoadsNeitherFailNorDuplicate() throws Exception {
        long notices = QuarkusTransaction.requiringNew().call(() -> Notice.count());
        long revisions = QuarkusTransaction.requiringNew().call(() -> NoticeRevision.count());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<CorpusReport> load = loader::load;
            List<Future<CorpusReport>> results = pool.invokeAll(List.of(load, load));
            for (Future<CorpusReport> result : results) {
                assertThat(result.get().problems()).isEmpty();
                assertThat(result.get().created() + result.get().updated()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        long noticesAfter = QuarkusTransaction.requiringNew().call(() -> Notice.count());
        long revisionsAfter = QuarkusTransaction.requiringNew().call(() -> NoticeRevision.count());
        assertThat(noticesAfter).isEqualTo(notices);
        assertThat(revisionsAfter).isEqualTo(revisions);
    }
}
