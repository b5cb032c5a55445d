package org.noticeline.search.rest;

import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.SearchCursor;
import org.noticeline.search.SearchRequest;
import org.noticeline.search.SearchSort;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The parameters of {@code /api/search} and {@code /search}: {@code q}, {@code sort}, and every timeline filter
 * parameter, inherited from the timeline's own {@link org.noticeline.notice.rest.NoticeFilterParams} so that they mean
 * the same here.
 */
public class SearchParams extends TextFilterParams {

    @RestQuery
    public List<String> sort = new ArrayList<>();
    @RestQuery
    public List<String> asOf = new ArrayList<>();

    public SearchRequest toRequest(Catalog catalog, NoticelineConfig config) {
        String order = QueryValues.single("sort", sort);
        SearchSort searchSort = QueryValues.blank(order) ? SearchSort.RELEVANCE : SearchSort.fromId(order.strip())
                .orElseThrow(() -> ProblemException.badParameter("sort", "expected relevance or date"));
        // A search cursor is not a timeline cursor (relevance has no date to continue from): read here, not by the filters.
        String cursorValue = QueryValues.single("cursor", cursor);
        SearchCursor cursor = QueryValues.blank(cursorValue) ? null : SearchCursor.decode(cursorValue.strip(), searchSort)
                .orElseThrow(() -> ProblemException.badParameter("cursor", "not a cursor this service issued for sort=" + searchSort.id()));
        NoticeFilter filter = copy().toFilter(catalog, config);
        OptionalLong position = asOf(asOf);
        return new SearchRequest(query(), filter, searchSort, cursor, position.isPresent() ? position.getAsLong() : null);
    }

    /** The query string of this search without its cursor (the permalink), plus {@code more} appended. */
    public String permalink(String more) {
        StringBuilder link = new StringBuilder("q=").append(URLEncoder.encode(query(), StandardCharsets.UTF_8));
        String filterQuery = filterQuery();
        if (!filterQuery.isEmpty()) {
            link.append('&').append(filterQuery);
        }
        String order = sort.isEmpty() ? null : sort.get(0);
        if (!QueryValues.blank(order)) {
            link.append("&sort=").append(URLEncoder.encode(order.strip(), StandardCharsets.UTF_8));
        }
        String position = asOf.isEmpty() ? null : asOf.get(0);
        if (!QueryValues.blank(position)) {
            link.append("&asOf=").append(URLEncoder.encode(position.strip(), StandardCharsets.UTF_8));
        }
        return link.append(more == null ? "" : more).toString();
    }

    /** The same search for another query, from its first page. */
    public SearchParams withQuery(String query) {
        SearchParams copy = copy();
        copy.q = List.of(query);
        return copy;
    }

    /** These parameters without the cursor. */
    private SearchParams copy() {
        SearchParams copy = new SearchParams();
        copy.q = q;
        copy.sort = sort;
        copy.asOf = asOf;
        copy.platform = platform;
        copy.rule = rule;
        copy.authority = authority;
        copy.type = type;
        copy.jurisdiction = jurisdiction;
        copy.proceeding = proceeding;
        copy.from = from;
        copy.to = to;
        copy.withdrawn = withdrawn;
        copy.limit = limit;
        return copy;
    }
}
