package org.noticeline.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

import java.io.IOException;
import java.io.InputStream;

/** Bulk export (public, like all reading) and import (admin) of the whole record as JSON Lines. */
@Path("/api")
public class ArchiveResource {

    static final String JSON_LINES = "application/jsonl";

    @Inject
    NoticeArchive archive;

    @GET
    @Path("export")
    @Produces(JSON_LINES)
    public Response export() {
        StreamingOutput body = archive::export;
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"noticeline-export.jsonl\"").build();
    }

    @POST
    @Path("import")
    @Consumes({JSON_LINES, "application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Scope.ADMIN)
    public NoticeArchive.ImportReport importArchive(InputStream body) throws IOException {
        return archive.importFrom(body);
    }
}
