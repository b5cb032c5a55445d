package org.noticeline.ingest.document;

import org.noticeline.notice.StoredDocument;
import org.noticeline.domain.NotFoundException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;

/** Serves the original files behind notices, by their SHA-256. */
@Path("/documents")
public class DocumentDownload {

    @Inject
    Caller caller;

    /**
     * The original file, always as an attachment with sniffing off: an uploaded HTML page must never
     * run in our origin.
     */
    @GET
    @Path("{sha256}")
    @Transactional
    public Response download(@RestPath String sha256) {
        StoredDocument document = StoredDocument.<StoredDocument>find("sha256", sha256).firstResultOptional()
                .filter(d -> d.notice.status.seenByEveryone() || caller.grants(Scope.INGEST))
                .orElseThrow(() -> new NotFoundException("document", sha256));
        String safeName = document.fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(document.content, document.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + safeName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }
}
