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
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.web.Problem;
import org.noticeline.web.ProblemException;
import org.noticeline.security.Secured;

import java.io.IOException;
import java.io.InputStream;

/** Bulk export (public, like all reading) and import (admin) of the whole record as JSON Lines. */
@Path("/api")
public class ArchiveResource {

    static final String JSON_LINES = "application/jsonl";

    @Inject
    NoticeArchive archive;
    @Inject
    Caller caller;

    @GET
    @Path("export")
    @Produces(JSON_LINES)
    public Response export() {
        boolean withDrafts = caller.grants(Scope.ADMIN);
        StreamingOutput body = out -> archive.export(out, withDrafts);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"noticeline-export.jsonl\"").build();
    }

    @POST
    @Path("import")
    @Consumes({JSON_LINES, "application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Scope.ADMIN)
    public Response importArchive(InputStream body) throws IOException {
        NoticeArchive.ImportReport report = archive.importFrom(body);
        if (report.imported() + report.unchanged() > 0 || report.errors().isEmpty()) {
            return Response.ok(report).build();
        }
        // Nothing of the body could be used: a client error, each line's reason in the problem's errors.
        throw new ProblemException(422, "Unprocessable Content", "none of the " + report.errors().size() + " lines could be imported",
                report.errors().stream().map(e -> new Problem.FieldProblem("line " + e.line(), e.message())).toList());
    }
}
