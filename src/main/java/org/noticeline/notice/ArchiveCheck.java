package org.noticeline.notice;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.StoredEnum;
import org.noticeline.hash.Sha256;

import java.util.ArrayList;
import java.util.List;

/**
 * An archived notice checked as thoroughly as a write: every revision (not only the current one) is valid
 * content of this notice, numbered upwards, with its author and time; every document matches its hash and is
 * of a format we serve. Field names are paths into the line ({@code revisions[2].changedAt}).
 */
final class ArchiveCheck {

    private static final int MAX_NOTE = 500;
    private static final int MAX_WITHDRAWN_REASON = 500;

    private ArchiveCheck() {
    }

    static void validate(ArchivedNotice archived, Catalog catalog) {
        List<FieldError> errors = new ArrayList<>();
        if (archived.slug() == null || archived.slug().isBlank()) {
            throw InvalidException.of("slug", "missing slug");
        }
        if (StoredEnum.fromId(NoticeStatus.class, archived.status()).isEmpty()) {
            errors.add(FieldError.of("status", "unknown status '" + archived.status() + "'; expected published, draft, withdrawn or discarded"));
        }
        if (StoredEnum.fromId(NoticeOrigin.class, archived.origin()).isEmpty()) {
            errors.add(FieldError.of("origin", "unknown origin '" + archived.origin() + "'; expected corpus, api, document or feed"));
        }
        if (archived.ingestedAt() == null) {
            errors.add(FieldError.of("ingestedAt", "missing ingestedAt"));
        }
        if (archived.withdrawnReason() != null) {
            NoticeValidator.text(errors, "withdrawnReason", archived.withdrawnReason(), MAX_WITHDRAWN_REASON, false);
        }
        if (archived.sourceFile() != null && archived.sourceFile().length() > NoticeService.MAX_SOURCE_FILE) {
            errors.add(FieldError.of("sourceFile", "at most " + NoticeService.MAX_SOURCE_FILE + " characters"));
        }
        revisions(archived, catalog, errors);
        documents(archived, errors);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
    }

    private static void revisions(ArchivedNotice archived, Catalog catalog, List<FieldError> errors) {
        if (archived.revisions() == null || archived.revisions().isEmpty()) {
            errors.add(FieldError.of("revisions", "a notice needs at least one revision"));
            return;
        }
        int previous = 0;
        for (int i = 0; i < archived.revisions().size(); i++) {
            ArchivedNotice.Revision revision = archived.revisions().get(i);
            String at = "revisions[" + i + "]";
            if (revision == null) {
                errors.add(FieldError.of(at, "a revision is null"));
                continue;
            }
            if (revision.number() <= previous) {
                errors.add(FieldError.of(at + ".number", "revision numbers go up from 1, oldest first; " + revision.number() + " follows " + previous));
            }
            previous = Math.max(previous, revision.number());
            if (revision.changedBy() == null || revision.changedBy().isBlank() || revision.changedBy().length() > NoticeService.MAX_AUTHOR) {
                errors.add(FieldError.of(at + ".changedBy", "1 to " + NoticeService.MAX_AUTHOR + " characters"));
            }
            if (revision.changedAt() == null) {
                errors.add(FieldError.of(at + ".changedAt", "missing changedAt"));
            }
            if (revision.note() != null) {
                NoticeValidator.text(errors, at + ".note", revision.note(), MAX_NOTE, false);
            }
            if (revision.content() == null || !archived.slug().equals(revision.content().slug())) {
                errors.add(FieldError.of(at + ".content", "revision " + revision.number() + " is not of notice '" + FieldError.excerpt(archived.slug()) + "'"));
                continue;
            }
            NoticeValidator.validate(revision.content(), catalog)
                    .forEach(e -> errors.add(new FieldError(at + ".content." + e.field(), e.value(), e.message())));
        }
    }

    private static void documents(ArchivedNotice archived, List<FieldError> errors) {
        for (int i = 0; i < archived.documents().size(); i++) {
            ArchivedNotice.Document document = archived.documents().get(i);
            String at = "documents[" + i + "]";
            if (document == null) {
                errors.add(FieldError.of(at, "a document is null"));
                continue;
            }
            StoredDocument.problems(document.fileName(), document.mediaType())
                    .forEach(e -> errors.add(FieldError.of(at + "." + e.field(), e.message())));
            if (document.content() == null || !Sha256.hex(document.content()).equals(document.sha256())) {
                errors.add(FieldError.of(at + ".content", "document does not match its sha256"));
            }
            if (document.pages() < 0) {
                errors.add(FieldError.of(at + ".pages", "pages cannot be negative"));
            }
            if (document.uploadedBy() == null || document.uploadedBy().isBlank() || document.uploadedBy().length() > NoticeService.MAX_AUTHOR) {
                errors.add(FieldError.of(at + ".uploadedBy", "1 to " + NoticeService.MAX_AUTHOR + " characters"));
            }
            if (document.uploadedAt() == null) {
                errors.add(FieldError.of(at + ".uploadedAt", "missing uploadedAt"));
            }
        }
    }
}
