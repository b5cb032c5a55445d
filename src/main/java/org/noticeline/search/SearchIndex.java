package org.noticeline.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * This replica's index of the public notices: derived state under the data directory, never the record.
 * <p>
 * Each commit says, in its user data, the change-log position it reflects. At start-up the follower asks where the
 * index stopped ({@link #resumeAfter}): an index at the head is ready at once; one behind is handed the changes it
 * missed and is ready when it has applied them; a missing one, one of another layout, or one ahead of the log (a
 * database it was not built from) is rebuilt from the database on a thread of its own, so start-up never waits.
 * Until then searches are refused ({@link IndexNotReadyException}), never answered from a partial index.
 * <p>
 * A change re-reads its notice from the database and replaces (or deletes) its document, so applying a change twice
 * or late does no harm; changes that arrive during a rebuild are applied again after it, since the rebuild may
 * have read the notice before they committed. Changes are searchable as soon as {@link #apply} returns (a near
 * real-time reader); commits to disk happen at most every {@code commit-interval}, and a crash replays the rest.
 */
@ApplicationScoped
public class SearchIndex implements ChangeConsumer {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    /** Bumped when documents change shape (3: links in canonical order): an index of another layout is rebuilt. */
    static final String LAYOUT = "3";
    private static final String SEQ = "seq";
    private static final String LAYOUT_KEY = "layout";
    private static final int PAGE = 500;
    private static final List<NoticeStatus> PUBLIC = List.of(NoticeStatus.PUBLISHED, NoticeStatus.WITHDRAWN);

    @Inject
    NoticelineConfig config;
    @Inject
    ChangeLog log;
    @Inject
    ObjectMapper json;

    private final FacetsConfig facetsConfig = NoticeDocuments.facetsConfig();
    private NoticeDocuments documents;
    private Path path;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    // Guarded by this.
    private boolean rebuilding;
    private CompletableFuture<Void> rebuild = CompletableFuture.completedFuture(null);
    private final Set<String> pending = new LinkedHashSet<>();
    private long pendingSeq;
    /** Volatile so that {@link #position} is read without the lock, on the event loop too. */
    private volatile long applied;
    private long readyAt = Long.MAX_VALUE;
    private long lastCommit = System.nanoTime();
    private volatile boolean ready;
    private volatile String unavailable = "the search index is starting";
    private volatile boolean closing;

    @Override
    public synchronized long resumeAfter(long head) {
        if (!open()) {
            return head;
        }
        Map<String, String> commit = committed();
        long seq = Long.parseLong(commit.getOrDefault(SEQ, "-1"));
        if (!LAYOUT.equals(commit.get(LAYOUT_KEY)) || seq < 0 || seq > head) {
            LOG.infof("search index at %s: rebuilding it from the database (change log at %d)", path, head);
            rebuild(null);
            return head;
        }
        applied = seq;
        readyAt = head;
        if (seq == head) {
            markReady();
        } else {
            unavailable = "the search index is catching up with the change log";
            LOG.infof("search index at change %d, log at %d: catching up", seq, head);
        }
        return seq;
    }

    /** Rebuilds from the database on a thread of its own; searches are refused until it is done. */
    public CompletableFuture<Void> rebuild() {
        return rebuild(null);
    }

    /** {@link #rebuild()} run by {@code executor}, so a test can hold it while it looks at a rebuilding index. */
    synchronized CompletableFuture<Void> rebuild(Executor executor) {
        if (closing || (writer == null && !open())) {
            return CompletableFuture.failedFuture(new IndexNotReadyException(unavailable));
        }
        if (rebuilding) {
            return rebuild;
        }
        rebuilding = true;
        ready = false;
        unavailable = "the search index is being rebuilt";
        Executor runner = executor != null ? executor : task -> {
            Thread thread = new Thread(task, "search-rebuild");
            thread.setDaemon(true);
            thread.start();
        };
        rebuild = CompletableFuture.runAsync(this::rebuildNow, runner);
        return rebuild;
    }

    @Override
    public void apply(List<Change> changes) {
        long last = changes.get(changes.size() - 1).seq();
        Set<String> slugs = new LinkedHashSet<>();
        // A catalog change names no notice; the notices it relinks come as changes of their own.
        changes.stream().filter(c -> c.kind() != ChangeKind.CATALOG).map(Change::slug).filter(s -> s != null).forEach(slugs::add);
        try {
            synchronized (this) {
                if (writer == null) {
                    return;
                }
                if (rebuilding) {
                    pending.addAll(slugs);
                    pendingSeq = Math.max(pendingSeq, last);
                    return;
                }
                if (slugs.isEmpty()) {
                    advance(last);
                    return;
                }
            }
            reindex(slugs);
            searchers.maybeRefreshBlocking();
            synchronized (this) {
                advance(last);
            }
        } catch (IOException | RuntimeException e) {
            // The follower will not offer these changes again: only a rebuild can make the index right.
            if (!closing) {
                LOG.errorf(e, "changes up to %d could not be indexed; rebuilding the search index", last);
                rebuild(null);
            }
        }
    }

    /** The searcher of the index as it is now; refused while it is not ready. */
    <T> T withSearcher(Function<FacetedSearcher, T> search) {
        if (!ready) {
            throw new IndexNotReadyException(unavailable);
        }
        try {
            FacetedSearcher searcher = (FacetedSearcher) searchers.acquire();
            try {
                return search.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean ready() {
        return ready;
    }

    /** The change-log position the index reflects. */
    public long position() {
        return applied;
    }

    FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    void onStop(@Observes ShutdownEvent event) {
        closing = true;
        synchronized (this) {
            if (writer == null) {
                return;
            }
            try {
                if (!rebuilding) {
                    commit();
                }
                searchers.close();
                // Without committing: a rebuild cut short leaves the last complete commit in place.
                writer.rollback();
                directory.close();
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "closing the search index");
            }
            writer = null;
        }
    }

    private boolean open() {
        if (writer != null) {
            return true;
        }
        Path dir = config.search().indexDir().orElse(config.dataDir().resolve("index"));
        path = dir;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriterConfig settings = new IndexWriterConfig(new StandardAnalyzer());
            settings.setCommitOnClose(false);
            // A rebuild adds every notice at once: a larger buffer makes fewer, larger segments and so fewer merges.
            settings.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, settings);
            searchers = new SearcherManager(writer, FacetedSearcher.factory(facetsConfig));
            documents = new NoticeDocuments(facetsConfig, json);
            return true;
        } catch (IOException | RuntimeException e) {
            // Another process holds the index (two replicas sharing a data directory), or the disk refuses: no search here.
            unavailable = "the search index at " + dir + " cannot be opened: " + e.getMessage();
            LOG.errorf(e, "search is unavailable: %s", unavailable);
            writer = null;
            return false;
        }
    }

    private Map<String, String> committed() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.getIndexCommit().getUserData();
            }
        } catch (IOException e) {
            LOG.warnf(e, "the search index cannot be read; it will be rebuilt");
            return Map.of();
        }
    }

    private void rebuildNow() {
        long started = System.nanoTime();
        try {
            // The log's position before reading: every change up to it is in what the pages read.
            long head = log.head();
            writer.deleteAll();
            // Read before the pages, after the head: a notice with a larger id committed after the head, so it comes as a change.
            long last = QuarkusTransaction.requiringNew().call(() -> {
                Object max = Notice.getEntityManager().createQuery("select max(n.id) from Notice n").getSingleResult();
                return max == null ? 0L : ((Number) max).longValue();
            });
            int count = indexPages(last);
            if (closing) {
                return;
            }
            finishRebuild(head, count, started);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                rebuilding = false;
                unavailable = "the search index could not be rebuilt: " + e.getMessage();
            }
            LOG.errorf(e, "rebuilding the search index failed");
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /**
     * Every public notice with an id up to {@code last}, in pages of {@value #PAGE} ids, one page per core at a time:
     * reading a page waits on the database and making its documents is CPU work, so the two overlap. Pages are disjoint
     * and the index was emptied, so each notice is added once.
     */
    private int indexPages(long last) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pages = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "search-rebuild-page");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> indexed = new ArrayList<>();
            for (long from = 0; from < last; from += PAGE) {
                long after = from;
                indexed.add(pages.submit(() -> closing ? 0 : indexPage(after, after + PAGE)));
            }
            int count = 0;
            for (Future<Integer> page : indexed) {
                count += page.get();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rebuilding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            pages.shutdownNow();
        }
    }

    private int indexPage(long after, long upTo) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Notice> notices = Notice.<Notice>find("id > ?1 and id <= ?2 and status in ?3", after, upTo, PUBLIC).list();
            for (Notice notice : notices) {
                writer.addDocument(documents.of(notice));
            }
            return notices.size();
        });
    }

    private void finishRebuild(long head, int count, long started) throws IOException {
        while (true) {
            Set<String> again;
            synchronized (this) {
                if (pending.isEmpty()) {
                    applied = Math.max(head, pendingSeq);
                    rebuilding = false;
                    commit();
                    searchers.maybeRefreshBlocking();
                    readyAt = applied;
                    markReady();
                    LOG.infof("search index rebuilt: %d notices in %d ms, at change %d", count, (System.nanoTime() - started) / 1_000_000, applied);
                    return;
                }
                again = new LinkedHashSet<>(pending);
                pending.clear();
            }
            reindex(again);
        }
    }

    /** Each notice as the database has it now: its document replaced, or removed when it is not public (or gone). */
    private void reindex(Set<String> slugs) throws IOException {
        if (slugs.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(slugs);
        for (int i = 0; i < all.size(); i += PAGE) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + PAGE));
            QuarkusTransaction.requiringNew().run(() -> {
                Map<String, Notice> found = new java.util.HashMap<>();
                Notice.<Notice>list("slug in ?1", chunk).forEach(n -> found.put(n.slug, n));
                for (String slug : chunk) {
                    Notice notice = found.get(slug);
                    try {
                        if (notice != null && NoticeDocuments.indexed(notice)) {
                            writer.updateDocument(new Term(SearchFields.SLUG, slug), documents.of(notice));
                        } else {
                            writer.deleteDocuments(new Term(SearchFields.SLUG, slug));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    /** The index reflects the log up to {@code seq}. Called holding this. */
    private void advance(long seq) throws IOException {
        applied = Math.max(applied, seq);
        if (!ready && applied >= readyAt) {
            markReady();
        }
        if (System.nanoTime() - lastCommit > config.search().commitInterval().toNanos()) {
            commit();
        }
    }

    /** Called holding this. */
    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(applied), LAYOUT_KEY, LAYOUT).entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
    }

    private void markReady() {
        ready = true;
        unavailable = null;
    }
}
