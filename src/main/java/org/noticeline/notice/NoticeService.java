package org.noticeline.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.noticeline.catalog.Authority;
import org.noticeline.catalog.Proceeding;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.domain.StaleRevisionException;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;
import org.noticeline.hash.Sha256;
import org.noticeline.linking.LinkerProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one way a notice is created, revised, published, withdrawn, restored, re-linked, recreated from an archive or
 * given its original document. Every write validates its content against the catalog, links it, appends a
 * revision, so no version is ever lost, and appends its change to the {@link ChangeLog} in the same transaction;
 * problems are domain exceptions, never HTTP. Each method joins the
 * caller's transaction (or opens one); a write to an existing notice holds that notice's row lock, and a
 * write that loses a race for a new slug fails on its unique key, to be retried by the outermost boundary
 * ({@code @RetryOnConflict}), where it then sees the winner.
 */
@ApplicationScoped
public class NoticeService {

    public static final int MAX_REASON = 400;
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    public static final int MAX_AUTHOR = 100;
    public static final int MAX_SOURCE_FILE = 300;

    public enum Outcome implements StoredEnum {
        CREATED, UPDATED, UNCHANGED;

        @jakarta.persistence.Converter(autoApply = true)
        public static class Column extends StoredEnumConverter<Outcome> {
            public Column() {
                super(Outcome.class);
            }
        }
    }

    public record Written(Outcome outcome, Notice notice) {
    }

    /** Who writes, through which door, and from which file (a corpus file, an uploaded document's name). */
    public record Author(String name, NoticeOrigin origin, String sourceFile) {

        public static Author of(String name, NoticeOrigin origin) {
            return new Author(name, origin, null);
        }
    }

    /** A write of the corpus loader or an import batch: one notice, all or nothing. */
    public record Upsert(NoticeContent content, Author author, NoticeStatus initialStatus) {
    }

    /** What became of one {@link Upsert}: written, or refused with its field errors (and nothing of it stored). */
    public record BatchResult(Upsert write, Written written, List<FieldError> errors) {
    }

    /** The original file a notice was made from. */
    public record Attachment(String fileName, String mediaType, byte[] content, int pages) {
    }

    private enum Mode { CREATE_ONLY, CREATE_OR_REVISE }

    @Inject
    LinkerProvider linkers;
    @Inject
    ChangeLog changes;
    @Inject
    LinkTally tally;

    /** A new notice; the same content again is a no-op, other content under a slug in use is a conflict (revise with {@link #replace}). */
    @Transactional
    public Written create(NoticeContent content, Author author, String idempotencyKey) {
        return idempotent(idempotencyKey, author, content, () -> write(valid(content, author), author, NoticeStatus.PUBLISHED, Mode.CREATE_ONLY, null));
    }

    /**
     * Creates or revises the notice {@code content.slug()}; with {@code ifMatch}, only while it is still at that revision.
     * A replacement is the whole notice: one sent without a body ({@code bodyGiven} false) may not empty the body it has.
     */
    @Transactional
    public Written replace(NoticeContent content, boolean bodyGiven, IfMatch ifMatch, Author author, String idempotencyKey) {
        return idempotent(idempotencyKey, author, content, () -> {
            valid(content, author);
            if (!bodyGiven && lockedIfPresent(content.slug()).filter(n -> !n.body.isEmpty()).isPresent()) {
                throw InvalidException.of("body", "a replacement needs the whole notice, body included; send \"body\": \"\" to empty it");
            }
            return write(content, author, NoticeStatus.PUBLISHED, Mode.CREATE_OR_REVISE, ifMatch);
        });
    }

    /** Creates or revises a notice whose truth is elsewhere (a corpus file, a feed entry); {@code initialStatus} applies to a new one only. */
    @Transactional
    public Written upsert(NoticeContent content, Author author, NoticeStatus initialStatus) {
        return write(valid(content, author), author, initialStatus, Mode.CREATE_OR_REVISE, null);
    }

    /** Many {@link #upsert}s: each notice is checked whole before any of it is written, so a bad one writes nothing and the others go on. */
    @Transactional
    public List<BatchResult> upsertAll(List<Upsert> writes) {
        List<BatchResult> results = new ArrayList<>();
        for (Upsert w : writes) {
            List<FieldError> errors = problems(w.content(), w.author());
            results.add(errors.isEmpty()
                    ? new BatchResult(w, write(w.content(), w.author(), w.initialStatus(), Mode.CREATE_OR_REVISE, null), List.of())
                    : new BatchResult(w, null, errors));
        }
        return results;
    }

    /**
     * Many new notices at once, the bulk load's {@link #create}, in the caller's transaction (or one of its own). Each
     * notice is written as a single create writes it: validated, linked, its first revision, a {@code created} change
     * with its state; one already stored with the same content is {@code UNCHANGED}. Every notice is checked before
     * any is written, and one that is invalid, repeats a slug of the batch or takes a slug in use with other content
     * fails the whole batch with an error naming it ({@code notices[i]}, its slug), so nothing of the batch is stored.
     * Only the round trips are fewer: one lookup of the batch's slugs, and the changes appended as one JDBC batch.
     */
    @Transactional
    public List<Written> createAll(List<NoticeContent> contents, Author author) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> slugs = new LinkedHashSet<>();
        for (int i = 0; i < contents.size(); i++) {
            NoticeContent content = contents.get(i);
            String item = "notices[" + i + "]";
            String named = item + " ('" + FieldError.excerpt(content.slug()) + "'): ";
            problems(content, author).forEach(e -> errors.add(new FieldError(item + "." + e.field(), e.value(), named + e.message())));
            if (content.slug() != null && !slugs.add(content.slug())) {
                errors.add(new FieldError(item + ".slug", content.slug(), named + "the batch has this slug twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        Map<String, Notice> existing = new HashMap<>();
        if (!slugs.isEmpty()) {
            Notice.<Notice>find("slug in ?1", slugs).withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(n -> existing.put(n.slug, n));
        }
        List<Written> written = new ArrayList<>();
        List<ChangeLog.Entry> logged = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            NoticeContent content = contents.get(i);
            String json = NoticeSnapshots.toJson(content);
            String hash = Sha256.hex(json);
            Notice notice = existing.get(content.slug());
            if (notice != null && hash.equals(notice.contentHash)) {
                written.add(new Written(Outcome.UNCHANGED, notice));
                continue;
            }
            if (notice != null) {
                throw new ConflictException("notices[" + i + "]: a notice '" + content.slug() + "' exists with other content; nothing of the batch was written",
                        List.of(new FieldError("notices[" + i + "].slug", content.slug(), "'" + content.slug() + "' is taken by an existing notice")));
            }
            notice = stored(newNotice(NoticeStatus.PUBLISHED, now()), content, json, hash, author);
            logged.add(entry(ChangeKind.CREATED, notice, author.name()));
            written.add(new Written(Outcome.CREATED, notice));
        }
        tally.follow(written.stream().filter(w -> w.outcome() == Outcome.CREATED).map(Written::notice).toList());
        changes.appendAll(logged);
        return written;
    }

    /** A new notice made from a document, stored with it; a slug in use is a conflict whatever the content. */
    @Transactional
    public Written propose(NoticeContent content, Author author, NoticeStatus status, Attachment document) {
        List<FieldError> errors = new ArrayList<>(problems(content, author));
        StoredDocument.problems(document.fileName(), document.mediaType()).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        Written written = write(content, author, status, Mode.CREATE_ONLY, null);
        if (written.outcome() != Outcome.CREATED) {
            // Another upload of the same file committed while this one waited for the slug.
            throw new ConflictException("a notice '" + content.slug() + "' exists already; give another title or PUT it",
                    List.of(new FieldError("title", content.slug(), "gives the slug of an existing notice")));
        }
        StoredDocument.attach(written.notice(), document, author.name());
        return written;
    }

    /** Publishes a draft after review; a revision records who accepted it. */
    @Transactional
    public Notice publish(String slug, String by) {
        Notice notice = lockedDraft(slug);
        notice.status = NoticeStatus.PUBLISHED;
        recordStatusChange(notice, ChangeKind.PUBLISHED, "published after review", by);
        return notice;
    }

    /**
     * Marks a notice withdrawn: it stays reachable, marked, and leaves timelines. The withdrawal is itself a
     * revision (same content, with the reason as its note), so the record shows who and why. Withdrawing a
     * withdrawn notice changes nothing; withdrawing a draft discards it, so it never becomes public that way.
     */
    @Transactional
    public Notice withdraw(String slug, String reason, IfMatch ifMatch, String by) {
        String why = reason(reason);
        Notice notice = locked(slug);
        precondition(notice, slug, ifMatch);
        if (notice.withdrawn()) {
            return notice;
        }
        return notice.status == NoticeStatus.DRAFT
                ? retire(notice, NoticeStatus.DISCARDED, why, "discarded: " + why, by)
                : retire(notice, NoticeStatus.WITHDRAWN, why, "withdrawn: " + why, by);
    }

    /** Turns down a draft in review: discarded, with the reviewer's reason; editors still find it, nobody else does. */
    @Transactional
    public Notice discard(String slug, String reason, String by) {
        String why = reason == null || reason.isBlank() ? "discarded in review" : "discarded in review: " + reason(reason);
        return retire(lockedDraft(slug), NoticeStatus.DISCARDED, why, why, by);
    }

    /**
     * Recreates a notice exactly as exported, history and documents included. An identical notice is left
     * alone ({@code UNCHANGED}); one with another history is never overwritten (a conflict).
     */
    @Transactional
    public Outcome recreate(ArchivedNotice archived) {
        ArchiveCheck.validate(archived, linkers.current().catalog());
        Notice existing = Notice.findBySlug(archived.slug()).orElse(null);
        if (existing != null) {
            if (ArchivedNotice.of(existing).equals(archived)) {
                return Outcome.UNCHANGED;
            }
            throw new ConflictException("notice '" + archived.slug() + "' exists here with another history; not overwritten");
        }
        List<ArchivedNotice.Revision> revisions = archived.revisions();
        ArchivedNotice.Revision last = revisions.get(revisions.size() - 1);
        Notice notice = new Notice();
        notice.ingestedAt = archived.ingestedAt();
        notice.status = StoredEnum.fromId(NoticeStatus.class, archived.status()).orElseThrow();
        notice.withdrawnReason = archived.withdrawnReason();
        apply(last.content(), Sha256.hex(NoticeSnapshots.toJson(last.content())), notice, new Author(last.changedBy(), StoredEnum.fromId(NoticeOrigin.class, archived.origin()).orElseThrow(),
                archived.sourceFile()), last.changedAt());
        notice.revision = last.number();
        notice.persist();
        for (ArchivedNotice.Revision revision : revisions) {
            NoticeRevision.record(notice, revision.number(), NoticeSnapshots.toJson(revision.content()), revision.changedBy(),
                    revision.changedAt(), revision.note());
        }
        for (ArchivedNotice.Document document : archived.documents()) {
            StoredDocument.restore(notice, document);
        }
        Instant changed = last.changedAt();
        // An imported withdrawn notice was public before it was withdrawn: its created change left it published.
        NoticeView created = NoticeView.of(notice);
        if (notice.withdrawn()) {
            created = created.withStatus(notice.status == NoticeStatus.WITHDRAWN ? NoticeStatus.PUBLISHED : NoticeStatus.DRAFT);
        }
        tally.follow(List.of(notice));
        changes.append(ChangeKind.CREATED, notice.id, notice.slug, notice.withdrawn() ? Math.max(1, notice.revision - 1) : notice.revision,
                notice.status.seenByEveryone(), last.changedBy(), changed, NoticeStates.toJson(created));
        if (notice.withdrawn()) {
            log(ChangeKind.WITHDRAWN, notice, last.changedBy());
        }
        return Outcome.CREATED;
    }

    /**
     * Undoes a withdrawal, as a revision with the reason as its note: a withdrawn notice is public again, a discarded
     * one a draft again. Restoring a notice that is not withdrawn is a conflict.
     */
    @Transactional
    public Notice restore(String slug, String reason, IfMatch ifMatch, String by) {
        String note = reason == null || reason.isBlank() ? "restored" : "restored: " + reason(reason);
        Notice notice = locked(slug);
        precondition(notice, slug, ifMatch);
        if (!notice.withdrawn()) {
            throw new ConflictException("'" + slug + "' is " + notice.status.id() + "; only a withdrawn notice can be restored");
        }
        notice.status = notice.status == NoticeStatus.WITHDRAWN ? NoticeStatus.PUBLISHED : NoticeStatus.DRAFT;
        notice.withdrawnReason = null;
        recordStatusChange(notice, ChangeKind.RESTORED, note, by);
        return notice;
    }

    /**
     * Links the notice again when its detected links came from another catalog or engine than the current ones; a
     * {@code relinked} change is appended only when the links differ. The content, revision and update time stay:
     * nothing a person wrote has changed. Answers whether the links changed.
     */
    @Transactional
    public boolean relink(long noticeId, String by) {
        Notice notice = Notice.<Notice>findByIdOptional(noticeId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        LinkerProvider.Built linking = linkers.current();
        if (notice == null || NoticeLinks.current(notice, linking)) {
            return false;
        }
        String before = NoticeLinks.signature(notice);
        NoticeLinks.apply(NoticeSnapshots.fromJson(NoticeRevision.of(notice).get(0).snapshot), notice, linking);
        if (before.equals(NoticeLinks.signature(notice))) {
            return false;
        }
        tally.follow(List.of(notice));
        changes.append(ChangeKind.RELINKED, notice.id, notice.slug, notice.revision, notice.status.seenByEveryone(), by, Instant.now(),
                NoticeStates.of(notice));
        return true;
    }

    /** Writes content already checked by {@link #problems}, so that a batch checks each notice once. */
    private Written write(NoticeContent content, Author author, NoticeStatus initialStatus, Mode mode, IfMatch ifMatch) {
        String json = NoticeSnapshots.toJson(content);
        String hash = Sha256.hex(json);
        Notice notice = lockedIfPresent(content.slug()).orElse(null);
        precondition(notice, content.slug(), ifMatch);
        if (notice != null && hash.equals(notice.contentHash)) {
            return new Written(Outcome.UNCHANGED, notice);
        }
        if (notice != null && mode == Mode.CREATE_ONLY) {
            throw new ConflictException("a notice '" + content.slug() + "' exists with other content; PUT /api/notices/" + content.slug()
                    + " replaces it", List.of(new FieldError("slug", content.slug(), "'" + content.slug() + "' is taken by an existing notice")));
        }
        Outcome outcome = notice == null ? Outcome.CREATED : Outcome.UPDATED;
        Notice written = stored(notice == null ? newNotice(initialStatus, now()) : notice, content, json, hash, author);
        log(outcome == Outcome.CREATED ? ChangeKind.CREATED : ChangeKind.REVISED, written, author.name());
        return new Written(outcome, written);
    }

    private static Notice newNotice(NoticeStatus status, Instant now) {
        Notice notice = new Notice();
        notice.ingestedAt = now;
        notice.status = status;
        return notice;
    }

    /** {@code content} as the notice's next revision, both persisted; the change is the caller's to log. */
    private Notice stored(Notice notice, NoticeContent content, String json, String hash, Author author) {
        // A new notice was ingested now: its first revision has the same time, as it always had.
        Instant now = notice.id == null ? notice.ingestedAt : now();
        apply(content, hash, notice, author, now);
        notice.revision++;
        notice.persist();
        NoticeRevision.record(notice, notice.revision, json, hash, author.name(), now, null);
        return notice;
    }

    private void apply(NoticeContent content, String contentHash, Notice notice, Author author, Instant at) {
        notice.slug = content.slug();
        notice.title = content.title();
        notice.date = NoticeDates.parse(content.date()).orElseThrow();
        notice.type = content.type();
        notice.authority = Authority.findById(content.authority());
        notice.jurisdiction = content.jurisdiction();
        notice.proceeding = content.proceeding() == null ? null : Proceeding.findById(content.proceeding());
        notice.language = content.language();
        notice.summary = content.summary();
        notice.body = content.body();
        notice.sources.clear();
        notice.sources.addAll(content.sources());
        notice.origin = author.origin();
        notice.sourceFile = author.sourceFile();
        notice.updatedAt = at;
        notice.contentHash = contentHash;
        NoticeLinks.apply(content, notice, linkers.current());
    }

    private NoticeContent valid(NoticeContent content, Author author) {
        List<FieldError> errors = problems(content, author);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return content;
    }

    /** Every problem of a write: its content against the catalog, and the author fields against their columns. */
    private List<FieldError> problems(NoticeContent content, Author author) {
        List<FieldError> errors = new ArrayList<>(NoticeValidator.validate(content, linkers.current().catalog()));
        if (author.name() == null || author.name().length() > MAX_AUTHOR) {
            throw new IllegalArgumentException("an author name is 1 to " + MAX_AUTHOR + " characters: " + author.name());
        }
        if (author.sourceFile() != null && author.sourceFile().length() > MAX_SOURCE_FILE) {
            errors.add(FieldError.of("file", "file name is " + author.sourceFile().length() + " characters long; at most " + MAX_SOURCE_FILE + " are kept"));
        }
        return errors;
    }

    private Written idempotent(String key, Author author, NoticeContent content, java.util.function.Supplier<Written> write) {
        if (key == null || key.isBlank()) {
            return write.get();
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw InvalidException.of("Idempotency-Key", "at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        String requestHash = Sha256.hex(NoticeSnapshots.toJson(content));
        IdempotencyRecord seen = IdempotencyRecord.findById(new IdempotencyRecord.Key(key, author.name()));
        if (seen != null) {
            if (!seen.requestHash.equals(requestHash)) {
                throw InvalidException.of("Idempotency-Key", "'" + FieldError.excerpt(key) + "' was already used for a different request");
            }
            return new Written(seen.outcome, Notice.findBySlug(seen.slug).orElseThrow(() -> new NotFoundException("notice", seen.slug)));
        }
        Written written = write.get();
        IdempotencyRecord.remember(key, author.name(), requestHash, written.outcome(), written.notice().slug);
        return written;
    }

    /** A change of status keeps the content, so its revision repeats the current snapshot with a note saying what changed. */
    private void recordStatusChange(Notice notice, ChangeKind kind, String note, String by) {
        notice.updatedAt = now();
        notice.revision++;
        NoticeRevision current = NoticeRevision.of(notice).get(0);
        NoticeRevision.record(notice, notice.revision, current.snapshot, by, notice.updatedAt, note);
        log(kind, notice, by);
    }

    /**
     * Now, as the database keeps times (microseconds): the state the change log records is computed in memory and must
     * equal the notice read back, or an {@code asOf} answer would differ from the answer given at the time.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The change just made to {@code notice}, seen by everyone when the notice now is. */
    private void log(ChangeKind kind, Notice notice, String by) {
        tally.follow(List.of(notice));
        changes.append(entry(kind, notice, by));
    }

    private static ChangeLog.Entry entry(ChangeKind kind, Notice notice, String by) {
        return new ChangeLog.Entry(kind, notice.id, notice.slug, notice.revision, notice.status.seenByEveryone(), by, notice.updatedAt,
                NoticeStates.of(notice));
    }

    private static void precondition(Notice notice, String slug, IfMatch ifMatch) {
        if (ifMatch != null && !ifMatch.matches(notice)) {
            throw new StaleRevisionException(slug, ifMatch.expected(), notice == null ? "none (no such notice)" : String.valueOf(notice.revision));
        }
    }

    private static String reason(String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (!NoticeValidator.text(errors, "reason", reason, MAX_REASON, true)) {
            throw new InvalidException(errors);
        }
        return reason.strip();
    }

    private Notice retire(Notice notice, NoticeStatus status, String reason, String note, String by) {
        notice.status = status;
        notice.withdrawnReason = reason;
        recordStatusChange(notice, ChangeKind.WITHDRAWN, note, by);
        return notice;
    }

    private static Notice lockedDraft(String slug) {
        Notice notice = locked(slug);
        if (notice.status != NoticeStatus.DRAFT) {
            throw new ConflictException("'" + slug + "' is " + notice.status.id() + ", not a draft awaiting review");
        }
        return notice;
    }

    private static Notice locked(String slug) {
        return lockedIfPresent(slug).orElseThrow(() -> new NotFoundException("notice", slug));
    }

    /** The notice under its row lock, so that writers of one notice take turns. */
    private static Optional<Notice> lockedIfPresent(String slug) {
        return Notice.<Notice>find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
