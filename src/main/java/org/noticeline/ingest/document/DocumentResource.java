package org.noticeline.ingest.document;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.notice.FieldError;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeValidator;
import org.noticeline.notice.NoticeWriter;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.web.Problem;
import org.noticeline.web.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * Upload of the letter or decision itself (PDF, HTML or text): its text is extracted, a notice is
 * proposed from it and stored as a draft for review ({@code ?publish=true} publishes at once), and the
 * original file is kept. A file we cannot read is a 422 and nothing is stored.
 */
@Path("/api/documents")
public class DocumentResource {

    @Inject
    NoticelineConfig config;
    @Inject
    LinkerProvider linker;
    @Inject
    NoticeWriter writer;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Scope.INGEST)
    @Transactional
    public Response upload(@RestForm("file") FileUpload file, @RestForm String title, @RestForm String date, @RestForm String type,
                           @RestForm String authority, @RestForm String source, @RestQuery boolean publish,
                           @Context UriInfo uri) throws IOException {
        if (file == null) {
            throw FieldError.unprocessable(List.of(new FieldError("file", null, "a multipart field 'file' with the document is required")));
        }
        if (file.size() > config.documents().maxBytes()) {
            throw new ProblemException(413, "Content Too Large", "the document is " + file.size() + " bytes; at most "
                    + config.documents().maxBytes() + " are accepted", List.of(new Problem.FieldProblem("file", "too large")));
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        ExtractedDocument document;
        try {
            document = DocumentTextExtractor.extract(bytes, file.fileName(), config.documents().maxPages());
        } catch (DocumentRejected e) {
            throw FieldError.unprocessable(List.of(new FieldError("file", null, e.getMessage())));
        }
        LinkerProvider.Built linking = linker.current();
        Catalog catalog = linking.catalog();
        String sha256 = NoticeSnapshots.hash(bytes);
        String ownCopy = uri.getBaseUriBuilder().path("documents").path(sha256).build().toString();
        NoticeContent proposal = DocumentProposal.propose(document, linking.linker().extract(document.text()), catalog,
                new DocumentProposal.Stated(title, date, type, authority, source), ownCopy);
        List<FieldError> errors = NoticeValidator.validate(proposal, catalog);
        if (!errors.isEmpty()) {
            throw FieldError.unprocessable(errors);
        }
        if (Notice.findBySlug(proposal.slug()).isPresent()) {
            throw new ProblemException(409, "Conflict", "a notice '" + proposal.slug() + "' exists already; give another title or PUT it",
                    List.of(new Problem.FieldProblem("title", "gives the slug of an existing notice")));
        }
        Notice notice = writer.write(proposal, "document", file.fileName(), caller.name(), publish ? Notice.PUBLISHED : Notice.DRAFT).notice();
        StoredDocument stored = new StoredDocument();
        stored.notice = notice;
        stored.fileName = file.fileName() == null ? "document" : file.fileName();
        stored.mediaType = document.mediaType();
        stored.sizeBytes = bytes.length;
        stored.sha256 = sha256;
        stored.pages = document.pages();
        stored.content = bytes;
        stored.uploadedBy = caller.name();
        stored.uploadedAt = Instant.now();
        stored.persist();
        return Response.created(URI.create("/api/notices/" + notice.slug))
                .entity(NoticeDetailView.of(notice, NoticeRevision.of(notice))).build();
    }

}
