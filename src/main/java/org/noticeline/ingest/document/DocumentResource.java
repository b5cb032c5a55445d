package org.noticeline.ingest.document;

import org.noticeline.notice.NoticeStatus;
import org.noticeline.domain.InvalidException;
import org.noticeline.hash.Sha256;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.linking.LinkingContext;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.transaction.RetryOnConflict;
import org.noticeline.web.PublicUrls;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.web.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

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
    NoticeService notices;
    @Inject
    PublicUrls publicUrls;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Scope.INGEST)
    @RetryOnConflict
    @Transactional
    public Response upload(@RestForm("file") FileUpload file, @RestForm String title, @RestForm String date, @RestForm String type,
                           @RestForm String authority, @RestForm String source, @RestQuery boolean publish) throws IOException {
        if (file == null) {
            throw InvalidException.of("file", "a multipart field 'file' with the document is required");
        }
        if (file.size() > config.documents().maxBytes()) {
            throw ProblemException.tooLarge("file", "the document is " + file.size() + " bytes; at most " + config.documents().maxBytes() + " are accepted");
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        ExtractedDocument document;
        try {
            document = DocumentTextExtractor.extract(bytes, file.fileName(), config.documents().maxPages());
        } catch (DocumentRejected e) {
            throw InvalidException.of("file", e.getMessage());
        }
        LinkerProvider.Built linking = linker.current();
        String ownCopy = publicUrls.of("documents", Sha256.hex(bytes));
        // the authority the uploader states settles names the document leaves open ("Online Safety Act")
        LinkingContext context = new LinkingContext(null, authority, java.util.List.of());
        NoticeContent proposal = DocumentProposal.propose(document, linking.linker().extract(document.text(), context), linking.catalog(),
                new DocumentProposal.Stated(title, date, type, authority, source), ownCopy);
        String fileName = file.fileName() == null || file.fileName().isBlank() ? "document" : file.fileName();
        Notice notice = notices.propose(proposal, new NoticeService.Author(caller.name(), NoticeOrigin.DOCUMENT, fileName),
                publish ? NoticeStatus.PUBLISHED : NoticeStatus.DRAFT,
                new NoticeService.Attachment(fileName, document.mediaType(), bytes, document.pages())).notice();
        return Response.created(URI.create("/api/notices/" + notice.slug))
                .entity(NoticeDetailView.of(notice, NoticeRevision.of(notice))).build();
    }
}
