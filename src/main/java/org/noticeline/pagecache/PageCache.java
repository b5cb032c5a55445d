package org.noticeline.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.changelog.LocalCommit;
import org.noticeline.config.NoticelineConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * This replica's rendered public responses, the most recently used that fit in {@code noticeline.page-cache.max-size},
 * kept until something public changes. Every visible change, committed on any replica, clears them all: the
 * {@link org.noticeline.changelog.ChangeFollower} hands it over within about a second, and this replica's own commits
 * clear it before their writer is answered ({@link LocalCommit}), so whoever writes reads what they wrote. No timer:
 * an unchanged record is answered from memory for as long as it stays unchanged.
 * <p>
 * The race, as in the feeds' cache: a response rendered from the database as it was before a change, but kept after
 * the change cleared the cache, would be served stale until the next change. So each clear moves a generation on, a
 * request notes the generation before anything is read ({@link #ticket}), and its response is kept only if the
 * generation is still the same.
 * <p>
 * {@code Last-Modified} of every public page is the time of the latest visible change: honest for a page that shows
 * the record, and never earlier than the page's own last change.
 */
@ApplicationScoped
public class PageCache implements ChangeConsumer {

    @Inject
    NoticelineConfig config;
    @Inject
    ChangeLog log;
    @Inject
    CatalogStore catalogStore;
    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean compression;
    @ConfigProperty(name = "quarkus.http.compress-media-types")
    Optional<List<String>> compressedTypes;

    private Cache<String, CachedPage> pages;
    /** Written under this object's lock, read without it by {@link #ticket}. */
    private volatile long generation;
    private volatile Instant lastChange;

    /** Where a request stood when it was found missing: what its response is kept under, if nothing changed meanwhile. */
    public record Ticket(PageKey key, long generation, Instant lastModified) {
    }

    @PostConstruct
    void create() {
        pages = Caffeine.newBuilder().maximumWeight(config.pageCache().maxSize().asLongValue())
                .weigher((String key, CachedPage page) -> page.weight(key)).build();
    }

    void onStart(@Observes StartupEvent event) {
        Instant last = log.lastVisibleChangeAt().orElse(null);
        synchronized (this) {
            if (lastChange == null || (last != null && last.isAfter(lastChange))) {
                lastChange = last;
            }
        }
    }

    /** The response kept under {@code key}, or null. */
    CachedPage find(PageKey key) {
        return pages.getIfPresent(key.id());
    }

    Ticket ticket(PageKey key) {
        long seen = generation;
        return new Ticket(key, seen, lastChange);
    }

    /** The time of the latest visible change this replica knows of (null before there is any). */
    Instant lastModified() {
        return lastChange;
    }

    /**
     * Keeps {@code page} (its body as rendered) under the ticket's key in both encodings, gzipping it once when its type
     * is one the server compresses; unless a change came since the ticket was taken.
     */
    void keep(Ticket ticket, CachedPage page) {
        CachedPage gzipped = compressible(page.contentType()) ? new CachedPage(gzip(page.body()), page.contentType(), PageKey.GZIP,
                page.etag(), page.lastModified(), page.headers()) : page;
        synchronized (this) {
            if (generation == ticket.generation()) {
                pages.put(ticket.key().inEncoding(false).id(), page);
                pages.put(ticket.key().inEncoding(true).id(), gzipped);
            }
        }
    }

    /** Changes editors alone see (drafts, discarded notices) are on no public page and leave the cache as it is. */
    @Override
    public void apply(List<Change> changes) {
        if (changes.stream().noneMatch(Change::visible)) {
            return;
        }
        changed(changes.stream().anyMatch(c -> c.kind() == ChangeKind.CATALOG),
                changes.stream().map(Change::at).filter(Objects::nonNull).max(Instant::compareTo).orElse(null));
    }

    void onLocalCommit(@Observes LocalCommit commit) {
        if (commit.visible()) {
            changed(commit.catalog(), commit.at());
        }
    }

    private void changed(boolean catalog, Instant at) {
        if (catalog) {
            // The catalog names categories on every page; the next render must not read this replica's older copy.
            catalogStore.forget();
        }
        synchronized (this) {
            if (at != null && (lastChange == null || at.isAfter(lastChange))) {
                lastChange = at;
            }
            generation++;
            pages.invalidateAll();
        }
    }

    /** How many responses are kept (both encodings of one count twice), for tests and metrics. */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    /** Whether the server compresses responses of this type (the {@code quarkus.http.compress-media-types}). */
    boolean compressible(String contentType) {
        if (!compression || contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return compressedTypes.map(types -> types.stream().anyMatch(t -> t.trim().equalsIgnoreCase(type))).orElse(false);
    }

    private static Buffer gzip(Buffer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length() / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
