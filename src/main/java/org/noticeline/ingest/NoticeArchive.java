package org.noticeline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.ingest.document.StoredDocument;
import org.noticeline.notice.FieldError;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeValidator;
import org.noticeline.notice.NoticeWriter;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Export and import of every notice with its revisions and original documents as JSON Lines, ordered by slug, so that
 * exporting, importing into an empty instance and exporting again gives the same bytes. Each imported
 * line is one transaction: a bad line is reported with its number and never half-written.
 */
@ApplicationScoped
public class NoticeArchive {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int BATCH = 100;

    /** What an import did; {@code errors} name the line of each refused notice. */
    public record ImportReport(int imported, int unchanged, List<LineError> errors) {
    }

    public record LineError(int line, String slug, String message) {
    }

    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticeWriter writer;

    /** Writes every notice, in slug order, batch by batch so memory stays flat however large the record. */
    public void export(OutputStream out) throws IOException {
        BufferedWriter lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String after = "";
        while (true) {
            String from = after;
            List<ArchivedNotice> batch = QuarkusTransaction.requiringNew().call(() ->
                    Notice.<Notice>find("slug > ?1 order by slug", from).page(0, BATCH).list().stream().map(NoticeArchive::archive).toList());
            for (ArchivedNotice notice : batch) {
                lines.write(JSON.writeValueAsString(notice));
                lines.write('\n');
            }
            lines.flush();
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).slug();
        }
    }

    static ArchivedNotice archive(Notice notice) {
        List<ArchivedNotice.Revision> revisions = NoticeRevision.of(notice).stream()
                .sorted(Comparator.comparingInt(r -> r.number))
                .map(r -> new ArchivedNotice.Revision(r.number, r.changedBy, r.changedAt, r.note, NoticeSnapshots.fromJson(r.snapshot)))
                .toList();
        List<ArchivedNotice.Document> documents = StoredDocument.of(notice).stream()
                .map(d -> new ArchivedNotice.Document(d.fileName, d.mediaType, d.sha256, d.pages, d.uploadedBy, d.uploadedAt, d.content))
                .toList();
        return new ArchivedNotice(notice.slug, notice.status, notice.withdrawnReason, notice.origin, notice.sourceFile,
                notice.ingestedAt, revisions, documents);
    }

    public ImportReport importFrom(InputStream in) throws IOException {
        Catalog catalog = catalogStore.catalog();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int imported = 0;
        int unchanged = 0;
        List<LineError> errors = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            ArchivedNotice notice;
            try {
                notice = JSON.readValue(line, ArchivedNotice.class);
            } catch (JsonProcessingException e) {
                errors.add(new LineError(number, null, "not an exported notice: " + e.getOriginalMessage()));
                continue;
            }
            String problem = check(notice, catalog);
            if (problem != null) {
                errors.add(new LineError(number, notice.slug(), problem));
                continue;
            }
            try {
                if (QuarkusTransaction.requiringNew().call(() -> restore(notice))) {
                    imported++;
                } else {
                    unchanged++;
                }
            } catch (ConflictingHistory e) {
                errors.add(new LineError(number, notice.slug(), e.getMessage()));
            }
        }
        return new ImportReport(imported, unchanged, errors);
    }

    private static String check(ArchivedNotice notice, Catalog catalog) {
        if (notice.revisions() == null || notice.revisions().isEmpty()) {
            return "a notice needs at least one revision";
        }
        if (!List.of(Notice.PUBLISHED, Notice.DRAFT, Notice.WITHDRAWN).contains(notice.status())) {
            return "unknown status '" + notice.status() + "'";
        }
        for (ArchivedNotice.Revision revision : notice.revisions()) {
            if (revision.content() == null || !notice.slug().equals(revision.content().slug())) {
                return "revision " + revision.number() + " is not of notice '" + notice.slug() + "'";
            }
        }
        for (ArchivedNotice.Document document : notice.documents()) {
            if (document.content() == null || !NoticeSnapshots.hash(document.content()).equals(document.sha256())) {
                return "document '" + document.fileName() + "' does not match its sha256";
            }
        }
        List<FieldError> errors = NoticeValidator.validate(notice.revisions().get(notice.revisions().size() - 1).content(), catalog);
        return errors.isEmpty() ? null
                : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** Thrown inside the import transaction so that it rolls back; reported as the line's error. */
    static class ConflictingHistory extends RuntimeException {
        ConflictingHistory(String message) {
            super(message);
        }
    }

    /** Recreates a notice exactly as exported, history included; an identical existing notice is left alone, a different one refused. */
    private Boolean restore(ArchivedNotice archived) {
        Notice existing = Notice.findBySlug(archived.slug()).orElse(null);
        if (existing != null) {
            if (archive(existing).equals(archived)) {
                return false;
            }
            throw new ConflictingHistory("notice '" + archived.slug() + "' exists here with another history; not overwritten");
        }
        List<ArchivedNotice.Revision> revisions = archived.revisions();
        ArchivedNotice.Revision last = revisions.get(revisions.size() - 1);
        NoticeContent content = last.content();
        Notice notice = writer.restore(content, archived.origin(), archived.sourceFile(), archived.status(), archived.withdrawnReason(),
                archived.ingestedAt(), last.changedAt(), last.number());
        for (ArchivedNotice.Revision revision : revisions) {
            NoticeRevision.record(notice, revision.number(), NoticeSnapshots.toJson(revision.content()), revision.changedBy(),
                    revision.changedAt(), revision.note());
        }
        for (ArchivedNotice.Document document : archived.documents()) {
            StoredDocument row = new StoredDocument();
            row.notice = notice;
            row.fileName = document.fileName();
            row.mediaType = document.mediaType();
            row.sizeBytes = document.content().length;
            row.sha256 = document.sha256();
            row.pages = document.pages();
            row.content = document.content();
            row.uploadedBy = document.uploadedBy();
            row.uploadedAt = document.uploadedAt();
            row.persist();
        }
        return true;
    }
}
