package org.noticeline.ingest.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.web.ProblemException;

import java.net.URI;
import java.util.List;

/** Administration of official feed sources: list with state, create, poll now, disable. */
@Path("/api/admin/sources")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Scope.ADMIN)
public class FeedAdminResource {

    @Inject
    FeedSources sources;
    @Inject
    FeedPoller poller;

    @GET
    public List<SourceView> list() {
        return sources.list().stream().map(SourceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FeedSourceSpec spec) {
        if (spec == null) {
            throw new ProblemException(400, "Bad Request", "a JSON source is required", null);
        }
        FeedSource source = sources.create(spec);
        return Response.created(URI.create("/api/admin/sources/" + source.id)).entity(SourceView.of(source)).build();
    }

    @POST
    @Path("{id}/poll")
    public PollResult poll(@RestPath String id) {
        return poller.pollNow(id);
    }

    @DELETE
    @Path("{id}")
    public SourceView disable(@RestPath String id) {
        return SourceView.of(sources.disable(id));
    }
}
