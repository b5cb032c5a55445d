package org.noticeline.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.linking.Linker;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.transaction.Retries;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps detected links in step with the catalog and the engine: after start-up, and whenever the log says the
 * catalog changed (on any replica), it re-links in the background, in batches, every notice whose links came from
 * another catalog or {@link Linker#ENGINE_VERSION}, each under its own lock and transaction
 * ({@link NoticeService#relink}). Replicas may do this at once: the second finds the notice current and leaves it.
 */
@ApplicationScoped
public class NoticeRelinker implements ChangeConsumer {

    static final String RELINKER = "relinker";
    private static final Logger LOG = Logger.getLogger(NoticeRelinker.class);
    private static final int BATCH = 200;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Inject
    NoticeService notices;
    @Inject
    LinkerProvider linkers;
    @Inject
    CatalogStore catalogStore;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "relinker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    /** After the corpus load of start-up, so that it re-links what the load left stale. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        request();
    }

    /**
     * Asks the pass to stop after the notice under way and waits, never interrupting: an interrupt in H2's file I/O
     * would break that notice's write. A stop leaves the rest to the next start.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void apply(List<Change> changes) {
        if (changes.stream().anyMatch(c -> c.kind() == ChangeKind.CATALOG)) {
            catalogStore.forget();
            request();
        }
    }

    /** Asks for a pass over stale notices; requests made while one waits to start are that one, and none after a stop. */
    void request() {
        if (!stopping && queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    try {
                        relinkStale();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "re-linking stale notices failed; the next catalog change or start-up tries again");
                    }
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // stopped meanwhile: the next start looks again
            }
        }
    }

    /** One pass in id order over every notice linked with another catalog or engine; answers how many links changed. */
    int relinkStale() {
        int changed = 0;
        int seen = 0;
        long after = 0;
        while (!stopping) {
            LinkerProvider.Built linking = linkers.current();
            long from = after;
            List<Long> ids = Retries.inNewTransaction(() -> Notice.getEntityManager().createQuery("select n.id from Notice n where n.id > ?1"
                            + " and (n.linksCatalog is null or n.linksCatalog <> ?2 or n.linksEngine is null or n.linksEngine <> ?3) order by n.id", Long.class)
                    .setParameter(1, from).setParameter(2, linking.catalogHash()).setParameter(3, Linker.ENGINE_VERSION)
                    .setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                if (stopping) {
                    break;
                }
                if (Retries.inNewTransaction(() -> notices.relink(id, RELINKER))) {
                    changed++;
                }
                seen++;
            }
            after = ids.get(ids.size() - 1);
        }
        if (seen > 0) {
            LOG.infof("re-linked %d stale notices: links changed in %d", seen, changed);
        }
        return changed;
    }
}
