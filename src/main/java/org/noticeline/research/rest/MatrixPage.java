package org.noticeline.research.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.rest.NoticeFilterParams;

/** {@code /research/matrix}: platforms by instrument, article or type as a table whose cells link to their timelines. */
@Path("/research/matrix")
@Produces(MediaType.TEXT_HTML)
@Transactional
public class MatrixPage {

    /** The page: the matrix, the links to its other views and to its JSON and CSV. */
    public record Page(MatrixView matrix, String title, String byInstrumentHref, String byTypeHref, String jsonHref, String csvHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matrix(Page page);
    }

    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticelineConfig config;
    @Inject
    LinkTally tally;

    @GET
    public TemplateInstance matrix(@BeanParam MatrixRequest request) {
        MatrixRequest.Checked checked = request.check(catalogStore.catalog(), config);
        MatrixView view = MatrixView.of(checked.matrix(catalogStore.catalog(), tally, config), checked.filter());
        String filters = NoticeFilterParams.selecting(checked.filter()).filterQuery();
        String own = "by=" + view.by() + (view.instrument() == null ? "" : "&instrument=" + view.instrument()) + (filters.isEmpty() ? "" : "&" + filters);
        String title = switch (checked.axis()) {
            case INSTRUMENT -> "Platforms by instrument";
            case ARTICLE -> "Platforms by article of the " + view.instrument();
            case TYPE -> "Platforms by type of measure";
        };
        return Templates.matrix(new Page(view, title, other("instrument", checked.filter(), true),
                other("type", checked.filter(), false), "/api/research/matrix?" + own, "/api/research/matrix?" + own + "&format=csv"));
    }

    /** The same filters split another way, less the one that axis refuses (rule by instrument, type by type). */
    private static String other(String by, org.noticeline.notice.NoticeFilter filter, boolean dropRule) {
        NoticeFilterParams params = NoticeFilterParams.selecting(filter);
        if (dropRule) {
            params.rule = new java.util.ArrayList<>();
        } else {
            params.type = new java.util.ArrayList<>();
        }
        String query = params.filterQuery();
        return "/research/matrix?by=" + by + (query.isEmpty() ? "" : "&" + query);
    }
}
