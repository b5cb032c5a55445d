package org.noticeline.search.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.search.FacetValue;
import org.noticeline.search.NoticeSearch;
import org.noticeline.search.SearchRequest;
import org.noticeline.search.SearchResult;
import org.noticeline.search.TextFilter;
import org.noticeline.web.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /search}: the search page. A GET form, so every search is a permalink; facet links add their term to the
 * query, so a narrowed search is a permalink too and reads as what it asks.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    /** One facet value as a link that narrows the query to it. */
    public record FacetLink(String value, long count, String href) {
    }

    public record FacetGroup(String name, List<FacetLink> values) {
    }

    /**
     * What the page shows: the query, and either the hits or why there are none; {@code alertQuery} is the query
     * string of its feeds and e-mail sign-up (a search alert), null without a query.
     */
    public record View(String q, String sort, SearchResult result, List<FacetGroup> facets, String nextHref, String alertQuery,
                       String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(View view);
    }

    @Inject
    NoticeSearch search;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;

    @GET
    public Response page(@BeanParam SearchParams params) {
        String q = params.query();
        String sort = params.sort.isEmpty() ? "relevance" : params.sort.get(0);
        try {
            SearchRequest request = params.toRequest(catalog.catalog(), config);
            TextFilter text = params.textFilter(catalog.catalog(), config);
            SearchResult result = SearchParams.answer(config, () -> search.search(request));
            String next = result.nextCursor() == null ? null
                    : "/search?" + params.permalink("&cursor=" + URLEncoder.encode(result.nextCursor(), StandardCharsets.UTF_8));
            String alert = text.isEmpty() ? null : TextFilterParams.selecting(request.filter(), text);
            return Response.ok(Templates.search(new View(q, sort, result, facets(params, result), next, alert, null))).build();
        } catch (ProblemException e) {
            if (!e.errors().isEmpty() && !e.errors().get(0).field().equals("q") || e.status() != 400 && e.status() != 503) {
                throw e; // a bad filter parameter: the usual error page
            }
            Response.ResponseBuilder answer = Response.status(e.status()).entity(Templates.search(new View(q, sort, null, List.of(), null, null, e.getMessage())));
            e.retryAfterSeconds().ifPresent(s -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(s)));
            return answer.build();
        }
    }

    private static List<FacetGroup> facets(SearchParams params, SearchResult result) {
        List<FacetGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<FacetValue>> facet : result.facets().entrySet()) {
            List<FacetLink> links = facet.getValue().stream()
                    .map(v -> new FacetLink(v.value(), v.count(), narrowed(params, facet.getKey(), v.value()))).toList();
            if (!links.isEmpty()) {
                groups.add(new FacetGroup(facet.getKey(), links));
            }
        }
        return groups;
    }

    /** The same search with {@code field:value} added to the query (quoted when the value has a space). */
    private static String narrowed(SearchParams params, String field, String value) {
        String term = field + ":" + (value.matches("[^\\s\"()]+") ? value : "\"" + value.replace("\"", "") + "\"");
        String q = params.query().isEmpty() ? term : params.query() + " " + term;
        return "/search?" + params.withQuery(q).permalink(null);
    }
}
