package org.noticeline.search.rest;

import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeHistory;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.search.IndexNotReadyException;
import org.noticeline.search.QuerySyntaxException;
import org.noticeline.search.TextFilter;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The timeline filter parameters and {@code q}, a query of the search language: what a search takes, and what a
 * search alert (a feed, a live stream, an e-mail sign-up) follows.
 */
public class TextFilterParams extends NoticeFilterParams {

    @RestQuery
    public List<String> q = new ArrayList<>();

    /** {@code q} as typed, trimmed; empty when not given. */
    public String query() {
        String value = QueryValues.single("q", q);
        return value == null ? "" : value.strip();
    }

    /** {@code q} parsed against the catalog; a query that cannot be read is a 400 naming {@code q}. */
    public TextFilter textFilter(Catalog catalog, NoticelineConfig config) {
        try {
            return TextFilter.parse(query(), catalog, config.search());
        } catch (QuerySyntaxException e) {
            throw ProblemException.badParameter("q", e.getMessage());
        }
    }

    /**
     * The query string that selects what {@code filter} and {@code text} select, in one spelling (the filters as
     * {@link NoticeFilterParams#selecting} writes them, then {@code q}): a feed's name and cache key, a page's links.
     */
    public static String selecting(NoticeFilter filter, TextFilter text) {
        String filters = NoticeFilterParams.selecting(filter).filterQuery();
        return text.isEmpty() ? filters : (filters.isEmpty() ? "" : filters + "&") + "q=" + URLEncoder.encode(text.q(), StandardCharsets.UTF_8);
    }

    /**
     * Runs a search, its refusals as problems: a query that cannot be read names {@code q}, a position the record
     * cannot be given at names {@code asOf}; an index not ready is a 503 with {@code Retry-After}.
     */
    public static <T> T answer(NoticelineConfig config, Supplier<T> search) {
        try {
            return search.get();
        } catch (QuerySyntaxException e) {
            throw ProblemException.badParameter("q", e.getMessage());
        } catch (NoticeHistory.PositionRefused e) {
            throw ProblemException.badParameter("asOf", e.getMessage());
        } catch (IndexNotReadyException e) {
            throw ProblemException.unavailable(e.getMessage() + "; try again shortly", Math.max(1, config.search().retryAfter().toSeconds()));
        }
    }
}
