package org.noticeline.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.search.SearchIndex;
import org.noticeline.security.SessionCookie;
import org.noticeline.web.ConditionalGet;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a public GET from the {@link PageCache} on the event loop, before REST: no template, no database, no
 * worker thread. Runs after the rate limits, so a cached answer still counts against its client's bucket. A request
 * with credentials (a bearer token, a session cookie) may see drafts and is never answered from here; a miss goes on
 * to REST with a {@link PageCache.Ticket}, which {@link PageRevalidation} keeps the response under.
 */
@ApplicationScoped
public class PageCacheRoute {

    /** Right after the security headers, the size guard and the rate limits. */
    static final int ORDER = Integer.MIN_VALUE + 2;
    static final String TICKET = PageCacheRoute.class.getName() + ".ticket";

    /** How long a request waits, in all, for the same request's renders before it renders itself. */
    static final long WAIT_MS = 10_000;

    /** The requests being rendered now (by their key without the encoding: one render keeps both). */
    private final Map<String, CompletableFuture<Void>> rendering = new ConcurrentHashMap<>();
    /** Requests whose last answer could not be kept, for a while: they render side by side, as without the cache. */
    private final Cache<String, Boolean> uncacheable = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    @Inject
    NoticelineConfig config;
    @Inject
    PageCache cache;
    @Inject
    SearchIndex search;

    void install(@Observes Router router) {
        if (config.pageCache().enabled()) {
            router.route().order(ORDER).handler(this::answer);
        }
    }

    /** Whether the last answer to this request could not be kept (and so its renders run side by side). */
    boolean knownUncacheable(PageKey key) {
        return uncacheable.getIfPresent(key.request()) != null;
    }

    /** The ticket of this request when it may be kept, set by this route on a miss. */
    static PageCache.Ticket ticket(RoutingContext context) {
        return context == null ? null : context.get(TICKET);
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        // HTTP/2 compresses whatever says it is gzip, so a gzipped copy would be compressed twice: over HTTP/2 the plain
        // copy is sent and the server compresses it as it would any response.
        String encodings = request.version() == HttpVersion.HTTP_2 ? null : request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        Optional<PageKey> key = cacheable(request)
                ? PageKey.of(context.normalizedPath(), request.query(), request.getHeader(HttpHeaders.ACCEPT), encodings, search::position)
                : Optional.empty();
        if (key.isEmpty()) {
            context.next();
            return;
        }
        answerOrRender(context, key.get(), System.nanoTime() / 1_000_000 + WAIT_MS);
    }

    /**
     * A hit is sent; a miss renders, unless the same request is being rendered already: then it waits for that render
     * and asks again, until {@link #WAIT_MS} after it came. So a page is rendered by one request at a time: when
     * everyone opens the same page the moment it changed, one render runs, not one per visitor (which would take every
     * database connection and time most of them out); while changes keep coming (a bulk import), and no render can be
     * kept, they still take their turns.
     */
    private void answerOrRender(RoutingContext context, PageKey key, long deadline) {
        CachedPage page = cache.hit(key);
        if (page != null) {
            send(context.request(), context.response(), page, cache.compressible(page.contentType()));
            return;
        }
        long left = deadline - System.nanoTime() / 1_000_000;
        boolean takeTurns = left > 0 && uncacheable.getIfPresent(key.request()) == null;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = takeTurns ? rendering.putIfAbsent(key.request(), mine) : null;
        if (running == null) {
            PageCache.Ticket ticket = cache.ticket(key);
            if (takeTurns) {
                context.addEndHandler(done -> {
                    // Not kept, with nothing changed meanwhile: an answer nobody may keep (no-store, an error). Others
                    // asking the same need not wait for each other's renders.
                    if (context.request().method() == HttpMethod.GET && cache.find(key) == null && cache.generation() == ticket.generation()) {
                        uncacheable.put(key.request(), Boolean.TRUE);
                    }
                    rendering.remove(key.request(), mine);
                    mine.complete(null);
                });
            }
            context.put(TICKET, ticket);
            context.next();
            return;
        }
        Context loop = Vertx.currentContext();
        long timer = context.vertx().setTimer(left, t -> loop.runOnContext(v -> answerOrRender(context, key, deadline)));
        running.whenComplete((ok, failed) -> loop.runOnContext(v -> {
            if (context.vertx().cancelTimer(timer) && !context.response().closed()) {
                answerOrRender(context, key, deadline);
            }
        }));
    }

    private static boolean cacheable(HttpServerRequest request) {
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getCookie(SessionCookie.NAME) == null;
    }

    private static void send(HttpServerRequest request, HttpServerResponse response, CachedPage page, boolean compressible) {
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> header : page.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        if (ConditionalGet.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                page.etag(), page.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, page.contentType());
        if (page.encoding() != null) {
            headers.set(HttpHeaders.CONTENT_ENCODING, page.encoding());
        } else if (!compressible) {
            // What REST sends uncompressed (feeds) stays so from here: the server compresses only what is not marked.
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        response.setStatusCode(200).end(page.body());
    }
}
