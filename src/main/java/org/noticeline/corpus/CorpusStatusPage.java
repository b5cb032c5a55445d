package org.noticeline.corpus;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.notice.Notice;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

import java.util.List;

/** What the last corpus load found wrong, as a page for curators ({@link CorpusAdminResource} has it as JSON). */
@Path("/")
@Transactional
public class CorpusStatusPage {

    /** The corpus as the database last saw it. */
    public record CorpusStatus(long notices, List<CorpusProblem> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(CorpusStatus status);
    }

    @GET
    @Secured(Scope.INGEST)
    @Path("admin/corpus")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.status(status());
    }

    static CorpusStatus status() {
        return new CorpusStatus(Notice.count(), CorpusProblemRecord.current());
    }
}
