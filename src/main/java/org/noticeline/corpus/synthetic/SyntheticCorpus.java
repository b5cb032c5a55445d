package org.noticeline.corpus.synthetic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads {@link SyntheticNotices} of the current catalog through the one write path ({@link NoticeService#createAll}),
 * {@value #BATCH} notices per transaction, one writer per core: linking is CPU work in this process, the inserts
 * wait on the database, so two writers overlap the two. Loading the same seed again finds every notice unchanged.
 */
@ApplicationScoped
public class SyntheticCorpus {

    /** Notices per transaction: large enough that commits and round trips stop mattering, small enough to keep the session small. */
    public static final int BATCH = 500;
    public static final String AUTHOR = "synthetic";
    private static final Logger LOG = Logger.getLogger(SyntheticCorpus.class);

    @Inject
    CatalogStore catalog;
    @Inject
    NoticeService notices;
    @Inject
    TableStatistics statistics;

    /** What a load did, and how fast. */
    public record LoadReport(int requested, int created, int unchanged, long millis, double perSecond) {
    }

    public LoadReport load(int count, long seed) {
        return load(new SyntheticNotices(catalog.catalog(), seed), count, Runtime.getRuntime().availableProcessors());
    }

    /** Notices 0 to {@code count - 1} of {@code synthetic}, made batch by batch in the writers, so memory stays flat. */
    public LoadReport load(SyntheticNotices synthetic, int count, int writers) {
        return write(count, writers, synthetic::make);
    }

    /** Notices made before, written as a load writes them: what the write path alone achieves. */
    public LoadReport write(List<NoticeContent> made, int writers) {
        return write(made.size(), writers, (from, size) -> made.subList(from, from + size));
    }

    /** Batches {@code 0..count-1} by {@code writers} threads, each batch made by {@code batches}; the first failed batch fails the load. */
    private LoadReport write(int count, int writers, java.util.function.BiFunction<Integer, Integer, List<NoticeContent>> batches) {
        NoticeService.Author author = NoticeService.Author.of(AUTHOR, NoticeOrigin.API);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, writers), task -> {
            Thread thread = new Thread(task, "synthetic-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<int[]>> written = new ArrayList<>();
            for (int first = 0; first < count; first += BATCH) {
                int from = first;
                int size = Math.min(BATCH, count - first);
                written.add(pool.submit(() -> {
                    List<NoticeContent> batch = batches.apply(from, size);
                    int created = (int) notices.createAll(batch, author).stream().filter(w -> w.outcome() == NoticeService.Outcome.CREATED).count();
                    return new int[]{created, size - created};
                }));
            }
            int created = 0;
            int unchanged = 0;
            // Statistics again each time the load has doubled the notices written: a handful of cheap ANALYZEs per load.
            int refreshAt = BATCH * 2;
            for (Future<int[]> batch : written) {
                int[] done = batch.get();
                created += done[0];
                unchanged += done[1];
                if (created >= refreshAt) {
                    statistics.refresh();
                    refreshAt = created * 2;
                }
            }
            statistics.refresh();
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LoadReport report = new LoadReport(count, created, unchanged, millis, count * 1000.0 / millis);
            LOG.infof("synthetic corpus: %s", report);
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading synthetic notices", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
