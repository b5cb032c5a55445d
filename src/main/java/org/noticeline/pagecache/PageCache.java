package org.noticeline.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.noticeline.changelog.PublicStateCache;
import org.noticeline.config.NoticelineConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * This replica's rendered public responses, the most recently used that fit in {@code noticeline.page-cache.max-size},
 * kept until something public changes ({@link PublicStateCache}: every visible change clears them all, this replica's
 * own before their writer is answered). A request notes the generation when it is found missing ({@link #ticket}),
 * before anything is read, and its response is kept only if no change came meanwhile.
 * <p>
 * {@code Last-Modified} of every public page is the time of the latest visible change: honest for a page that shows
 * the record, and never earlier than the page's own last change.
 */
@ApplicationScoped
public class PageCache extends PublicStateCache {

    @Inject
    NoticelineConfig config;
    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean compression;
    @ConfigProperty(name = "quarkus.http.compress-media-types")
    Optional<List<String>> compressedTypes;

    @Inject
    MeterRegistry registry;

    private Cache<String, CachedPage> pages;
    private final LongAdder hits = new LongAdder();
    private final LongAdder renders = new LongAdder();

    /** Where a request stood when it was found missing: what its response is kept under, if nothing changed meanwhile. */
    public record Ticket(PageKey key, long generation, Instant lastModified) {
    }

    @PostConstruct
    void create() {
        pages = Caffeine.newBuilder().maximumWeight(config.pageCache().maxSize().asLongValue())
                .weigher((String key, CachedPage page) -> page.weight(key)).build();
        FunctionCounter.builder("noticeline.pagecache.hits", hits, LongAdder::sum).description("public answers sent from the page cache")
                .register(registry);
        FunctionCounter.builder("noticeline.pagecache.renders", renders, LongAdder::sum)
                .description("public answers the page cache did not hold, rendered by REST (one per request asked at once)").register(registry);
    }

    /** The response kept under {@code key}, or null. */
    CachedPage find(PageKey key) {
        return pages.getIfPresent(key.id());
    }

    /** {@link #find}, counted: what the route sends. */
    CachedPage hit(PageKey key) {
        CachedPage page = find(key);
        if (page != null) {
            hits.increment();
        }
        return page;
    }

    /** How many requests the cache has sent to be rendered. */
    long renders() {
        return renders.sum();
    }

    Ticket ticket(PageKey key) {
        renders.increment();
        long seen = generation();
        return new Ticket(key, seen, lastChange());
    }

    /**
     * Keeps {@code page} (its body as rendered) under the ticket's key in both encodings, gzipping it once when its type
     * is one the server compresses; unless a change came since the ticket was taken.
     */
    void keep(Ticket ticket, CachedPage page) {
        CachedPage gzipped = compressible(page.contentType()) ? new CachedPage(gzip(page.body()), page.contentType(), PageKey.GZIP,
                page.etag(), page.lastModified(), page.headers()) : page;
        keepIf(ticket.generation(), () -> {
            pages.put(ticket.key().inEncoding(false).id(), page);
            pages.put(ticket.key().inEncoding(true).id(), gzipped);
        });
    }

    @Override
    protected void clear() {
        pages.invalidateAll();
    }

    /** The outermost layer: pages are rendered from everything else. */
    @Override
    protected int layer() {
        return 2;
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
        return CachedPage.sendable(out.toByteArray());
    }
}
