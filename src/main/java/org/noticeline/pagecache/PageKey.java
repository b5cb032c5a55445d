package org.noticeline.pagecache;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * What a public GET asks, in one spelling: the page cache files a response under it. The path; the parameters that
 * choose what is shown, by name, each list sorted and without repeats ({@code platform=x,tiktok} and
 * {@code platform=tiktok&platform=x} are one key); the {@code Accept} header, which chooses between a page, a list and
 * an export on some paths; and whether the body is gzipped. Any other parameter (a tracking tag on a shared link) is
 * left out, so made-up parameters neither grow the cache nor reach what it holds. Parameters that ask for something
 * never cached (an export, the record as of a position) make the request one the cache does not answer.
 *
 * @param request the canonical request, without the encoding
 * @param gzip whether the client takes a gzipped body
 */
public record PageKey(String request, boolean gzip) {

    /** Parameters that take several values, repeated or comma-separated: their order and repeats mean nothing. */
    static final Set<String> LISTS = Set.of("platform", "rule", "authority", "type", "jurisdiction", "proceeding", "instrument");
    /** Parameters that take one value each, kept as given. */
    static final Set<String> SINGLES = Set.of("from", "to", "withdrawn", "limit", "cursor", "q", "sort", "by", "since", "next");
    /** Parameters whose answers are never cached: exports, the record as of a position, what only editors read, streams. */
    static final Set<String> UNCACHEABLE = Set.of("format", "asOf", "all", "drafts", "events", "lastEventId");
    /** A longer query string or {@code Accept} header is nobody's shared link: answered, not kept. */
    static final int MAX_LENGTH = 2048;
    static final int MAX_ACCEPT = 256;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NO_QUALITY = Pattern.compile("q=0(\\.0{0,3})?");

    /**
     * The change log itself: who follows it wants what committed a moment ago, which the cache would hold back until
     * this replica's follower has seen it; and it is one indexed range read, cheap to answer.
     */
    static final String CHANGES = "/api/changes";
    /** The encoding a cached gzipped body is sent with. */
    static final String GZIP = "gzip";

    /**
     * The key of a GET to {@code path} with the raw {@code query}, or empty when the answer is not one to cache. Answers
     * read from the search index are keyed by the index's position too: the index follows the change log on its own,
     * so an answer made before it took a change is not served after.
     */
    static Optional<PageKey> of(String path, String query, String accept, String acceptEncoding, LongSupplier searchPosition) {
        if (path == null || path.startsWith("/q/") || editorsOnly(path) || path.startsWith(CHANGES)
                || (query != null && query.length() > MAX_LENGTH) || (accept != null && accept.length() > MAX_ACCEPT)) {
            return Optional.empty();
        }
        Map<String, List<String>> params;
        try {
            params = query == null || query.isEmpty() ? Map.of() : new QueryStringDecoder(query, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (params.keySet().stream().anyMatch(UNCACHEABLE::contains)) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(path).append('?');
        new TreeMap<>(params).forEach((name, values) -> {
            if (LISTS.contains(name)) {
                TreeSet<String> distinct = new TreeSet<>();
                values.forEach(v -> List.of(v.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(distinct::add));
                if (!distinct.isEmpty()) {
                    key.append(name).append('=').append(encode(String.join(",", distinct))).append('&');
                }
            } else if (SINGLES.contains(name)) {
                values.forEach(v -> key.append(name).append('=').append(encode(v)).append('&'));
            }
        });
        key.append("|accept=").append(accept == null ? "" : SPACE.matcher(accept.toLowerCase(Locale.ROOT)).replaceAll(""));
        if (path.equals("/search") || path.equals("/api/search") || params.containsKey("q")) {
            key.append("|index=").append(searchPosition.getAsLong());
        }
        return Optional.of(new PageKey(key.toString(), takesGzip(acceptEncoding)));
    }

    /** The pages and API of editors: never kept, whoever asks. */
    static boolean editorsOnly(String path) {
        return path.startsWith("/admin") || path.startsWith("/api/admin");
    }

    /** The key the same request has in the other encoding: a response is kept under both. */
    PageKey inEncoding(boolean gzipped) {
        return new PageKey(request, gzipped);
    }

    String id() {
        return (gzip ? "gzip " : "identity ") + request;
    }

    /** Whether {@code Accept-Encoding} names gzip without refusing it ({@code q=0}). */
    static boolean takesGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].trim().equalsIgnoreCase(GZIP)) {
                return parts.length < 2 || !NO_QUALITY.matcher(SPACE.matcher(parts[1]).replaceAll("")).matches();
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
