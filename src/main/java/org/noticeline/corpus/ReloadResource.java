package org.noticeline.corpus;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

/** {@code POST /api/admin/reload}: re-reads {@code notices/}; edited files become new revisions, unchanged ones change nothing. */
@Path("/api/admin/reload")
@Produces(MediaType.APPLICATION_JSON)
public class ReloadResource {

    @Inject
    CorpusLoader loader;

    @POST
    @Secured(Scope.ADMIN)
    public CorpusReport reload() {
        return loader.load();
    }
}
