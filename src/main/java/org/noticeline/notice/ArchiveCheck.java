package org.noticeline.notice;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.StoredEnum;
import org.noticeline.hash.Sha256;

import java.time.Instant;
import java.time.ZoneOffset;
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
        instant(errors, "ingestedAt", archived.ingestedAt());
        if (archived.withdrawnReason() != null) {
            NoticeValidator.text(errors, "withdrawnReason", archived.withdrawnReason(), MAX_WITHDRAWN_REASON, false);
        }
        NoticeValidator.text(errors, "sourceFile", archived.sourceFile(), NoticeService.MAX_SOURCE_FILE, false);
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
            NoticeValidator.text(errors, at + ".changedBy", revision.changedBy(), NoticeService.MAX_AUTHOR, true);
            instant(errors, at + ".changedAt", revision.changedAt());
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
            NoticeValidator.text(errors, at + ".uploadedBy", document.uploadedBy(), NoticeService.MAX_AUTHOR, true);
            instant(errors, at + ".uploadedAt", document.uploadedAt());
        }
    }

    /** A time of the record: present, and within the dates a notice may carry (an archive from year 0 is not ours). */
    private static void instant(List<FieldError> errors, String field, Instant value) {
        if (value == null) {
            errors.add(FieldError.of(field, "missing " + field));
        } else if (value.isBefore(NoticeDates.EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || value.isAfter(NoticeDates.latest().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            errors.add(FieldError.of(field, field + " " + value + " is not between " + NoticeDates.EARLIEST + " and " + NoticeDates.latest()));
        }
    }
}
