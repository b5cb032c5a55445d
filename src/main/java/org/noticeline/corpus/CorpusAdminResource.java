package org.noticeline.corpus;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

/** What the last corpus load found, as JSON for scripts. */
@Path("/api/admin/corpus")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Scope.INGEST)
public class CorpusAdminResource {

    @GET
    @Transactional
    public CorpusStatusPage.CorpusStatus status() {
        return CorpusStatusPage.status();
    }
}
