package org.noticeline.pagecache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import org.noticeline.hash.Sha256;
import org.noticeline.security.Caller;
import org.noticeline.web.ConditionalGet;

import java.lang.annotation.Annotation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Caching headers and {@code 304} for every public page and JSON answer that does not set its own (feeds, exports, the
 * stream and personal pages do; a notice's own tag is its revision, which {@code If-Match} writes are checked
 * against). The body is turned into bytes here, once, so that its tag is the hash of the bytes sent: it changes exactly
 * when the answer does, on every replica alike, with no clock and no state. The tag is weak
 * because compression, negotiated after this, changes the bytes but not the meaning.
 * <p>
 * What a token or a session reads can hold drafts, and admin pages are for editors, so they are
 * {@code private, no-store} (decided before any bytes are made); what anybody reads may be kept by a shared cache for
 * {@value #MAX_AGE} seconds, and by a CDN served stale while it revalidates. {@code Last-Modified} is the time of the
 * latest visible change ({@link PageCache}).
 * <p>
 * A public answer to a request that the {@link PageCacheRoute} found missing is kept in the {@link PageCache} as it
 * is sent here: pages and JSON with the headers made here, feeds (which make their own) as they come.
 */
public class PageRevalidation {

    static final int MAX_AGE = 30;
    /**
     * Browsers revalidate every time (a 304 costs little, and a reader who reloads after a change sees it); shared
     * caches keep a copy for {@value #MAX_AGE} seconds. No {@code stale-while-revalidate} here: browsers honour it too.
     */
    static final String PUBLIC = "public, max-age=0, s-maxage=" + MAX_AGE;
    /** RFC 9213: read by CDNs only, which may also answer from a stale copy while they fetch a fresh one. */
    static final String CDN_CACHE_CONTROL = "CDN-Cache-Control";
    static final String CDN = "public, max-age=" + MAX_AGE + ", stale-while-revalidate=60";
    static final String PERSONAL = "private, no-store";
    /** {@code Accept} chooses between the paged list and an export on the same path; encoding is negotiated. */
    static final String VARY = "Accept, Accept-Encoding";

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());
    /** Our view classes that are not records (list pages) are written by Jackson like the rest. */
    private static final String OUR_VIEWS = "org.noticeline";

    /** RFC 9110's IMF-fixdate (Java's RFC 1123 form drops the day's leading zero). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /** Not kept with a response: the server sets them for each sending. */
    private static final Set<String> PER_SENDING = Set.of("content-length", "content-encoding", "transfer-encoding", "content-type", "date");

    @Inject
    Caller caller;
    @Inject
    ObjectMapper mapper;
    @Inject
    PageCache cache;
    @Inject
    CurrentVertxRequest current;

    @ServerResponseFilter
    public void revalidate(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (response.getStatus() != Response.Status.OK.getStatusCode() || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return;
        }
        PageCache.Ticket ticket = HttpMethod.GET.equals(method) ? PageCacheRoute.ticket(current.getCurrent()) : null;
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL) || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            keepAsMade(ticket, response);
            return;
        }
        if (!pageOrJson(response.getEntity(), response.getMediaType())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (caller.authenticated() || PageKey.editorsOnly(path)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PERSONAL);
            return;
        }
        // A page a resource wraps in a Response arrives as its template, not yet rendered (one it returns is rendered).
        MediaType type = response.getMediaType() != null ? response.getMediaType() : HTML;
        byte[] body = body(response.getEntity(), type);
        // The bytes become the entity, so that they are encoded once; replacing it builds the headers anew, so they
        // are read after.
        response.setEntity(body, NO_ANNOTATIONS, type);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        String etag = "W/\"" + Sha256.hex(body).substring(0, 32) + "\"";
        Instant lastModified = ticket != null ? ticket.lastModified() : cache.lastChange();
        headers.putSingle(HttpHeaders.ETAG, etag);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, PUBLIC);
        headers.putSingle(CDN_CACHE_CONTROL, CDN);
        headers.putSingle(HttpHeaders.VARY, VARY);
        if (lastModified != null) {
            headers.putSingle(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        if (ticket != null) {
            cache.keep(ticket, new CachedPage(CachedPage.sendable(body), type.toString(), null, etag, lastModified, kept(response)));
        }
        if (ConditionalGet.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                etag, lastModified)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /**
     * A response that set its own caching headers (a feed) is kept as it is when they say anyone may keep it and its
     * body is already made; one that says no (an export, a personal page) or that sets a cookie never is.
     */
    private void keepAsMade(PageCache.Ticket ticket, ContainerResponseContext response) {
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (ticket == null || cacheControl == null || etag == null || response.getMediaType() == null
                || !cacheControl.toLowerCase(Locale.ROOT).startsWith("public") || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(charset(response.getMediaType())) : null;
        if (body != null) {
            Date lastModified = response.getLastModified();
            cache.keep(ticket, new CachedPage(CachedPage.sendable(body), response.getMediaType().toString(), null, etag,
                    lastModified == null ? null : lastModified.toInstant(), kept(response)));
        }
    }

    /** The response's headers as a cached copy repeats them. */
    private static List<Map.Entry<String, String>> kept(ContainerResponseContext response) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!PER_SENDING.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> kept.add(Map.entry(name, value)));
            }
        });
        return List.copyOf(kept);
    }

    static String httpDate(Instant at) {
        return HTTP_DATE.format(at.atOffset(ZoneOffset.UTC));
    }

    /**
     * A page (rendered, or a template a resource wrapped in a Response) or one of our JSON answers; not what is
     * streamed or already bytes (feeds, exports, documents), which keep their own headers.
     */
    private static boolean pageOrJson(Object entity, MediaType type) {
        if (entity instanceof TemplateInstance) {
            return type == null || MediaType.TEXT_HTML_TYPE.isCompatible(type);
        }
        if (entity == null || type == null) {
            return false;
        }
        boolean json = MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
        return entity instanceof String ? json || MediaType.TEXT_HTML_TYPE.isCompatible(type)
                : json && (entity instanceof Record || entity instanceof Collection<?> || entity instanceof Map<?, ?>
                || entity.getClass().getPackageName().startsWith(OUR_VIEWS));
    }

    private byte[] body(Object entity, MediaType type) throws JsonProcessingException {
        if (entity instanceof TemplateInstance page) {
            return page.render().getBytes(charset(type));
        }
        return entity instanceof String text ? text.getBytes(charset(type)) : mapper.writeValueAsBytes(entity);
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }
}
