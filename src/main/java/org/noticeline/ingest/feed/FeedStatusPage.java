package org.noticeline.ingest.feed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

import java.util.List;

/** The sources and what polling them found, as a page for curators ({@link FeedAdminResource} has it as JSON). */
@Path("/")
public class FeedStatusPage {

    @Inject
    FeedSources sources;
    @Inject
    FeedSourceFile file;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feeds(List<SourceView> sources, List<String> fileProblems);
    }

    @GET
    @Secured(Scope.INGEST)
    @Path("admin/feeds")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.feeds(sources.list().stream().map(SourceView::of).toList(), file.problems());
    }
}
