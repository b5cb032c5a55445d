package org.noticeline.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.catalog.Authority;
import org.noticeline.catalog.Proceeding;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.linking.Extraction;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.linking.PlatformMention;
import org.noticeline.linking.RuleMention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a notice is written. A write whose content hash equals the current one changes
 * nothing; any other write replaces the current version and appends a revision, so no version is lost.
 * Callers validate first ({@link NoticeValidator}); this class trusts its input.
 */
@ApplicationScoped
public class NoticeWriter {

    @Inject
    LinkerProvider linkers;

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record WriteResult(Outcome outcome, Notice notice) {
    }

    /** Publishes a draft after review; a revision records who accepted it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice publish(Notice notice, String changedBy) {
        if (!Notice.DRAFT.equals(notice.status)) {
            return notice;
        }
        notice.status = Notice.PUBLISHED;
        recordStatusChange(notice, "published after review", changedBy);
        return notice;
    }

    /**
     * Marks a notice withdrawn: it stays reachable, marked, and leaves timelines. The withdrawal is
     * itself a revision (same content, with the reason as its note), so the record shows who and why.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice withdraw(Notice notice, String reason, String changedBy) {
        if (notice.withdrawn()) {
            return notice;
        }
        notice.status = Notice.WITHDRAWN;
        notice.withdrawnReason = reason;
        recordStatusChange(notice, "withdrawn: " + reason, changedBy);
        return notice;
    }

    /** A change of status keeps the content, so its revision repeats the current snapshot with a note saying what changed. */
    private static void recordStatusChange(Notice notice, String note, String changedBy) {
        notice.updatedAt = Instant.now();
        notice.revision++;
        NoticeRevision current = NoticeRevision.of(notice).get(0);
        appendRevision(notice, current.snapshot, note, changedBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WriteResult write(NoticeContent content, String origin, String sourceFile, String changedBy) {
        return write(content, origin, sourceFile, changedBy, Notice.PUBLISHED);
    }

    /**
     * As {@link #write(NoticeContent, String, String, String)}; {@code initialStatus} ({@link Notice#DRAFT}
     * or {@link Notice#PUBLISHED}) applies to a new notice only: a write never changes an existing one's status.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WriteResult write(NoticeContent content, String origin, String sourceFile, String changedBy, String initialStatus) {
        String json = NoticeSnapshots.toJson(content);
        String hash = NoticeSnapshots.hash(json);
        Notice notice = Notice.findBySlug(content.slug()).orElse(null);
        if (notice != null && hash.equals(notice.contentHash)) {
            return new WriteResult(Outcome.UNCHANGED, notice);
        }
        Outcome outcome = notice == null ? Outcome.CREATED : Outcome.UPDATED;
        Instant now = Instant.now();
        if (notice == null) {
            notice = new Notice();
            notice.ingestedAt = now;
            notice.status = initialStatus;
        }
        apply(content, notice);
        notice.contentHash = hash;
        notice.origin = origin;
        notice.sourceFile = sourceFile;
        notice.updatedAt = now;
        notice.revision++;
        notice.persist();

        appendRevision(notice, json, null, changedBy);
        return new WriteResult(outcome, notice);
    }

    private static void appendRevision(Notice notice, String snapshot, String note, String changedBy) {
        NoticeRevision.record(notice, notice.revision, snapshot, changedBy, notice.updatedAt, note);
    }

    /**
     * Recreates a notice from an archive with its original status and times; the caller restores the
     * revision rows themselves, which must end with {@code revision}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice restore(NoticeContent content, String origin, String sourceFile, String status, String withdrawnReason,
                          Instant ingestedAt, Instant updatedAt, int revision) {
        Notice notice = new Notice();
        apply(content, notice);
        notice.contentHash = NoticeSnapshots.hash(NoticeSnapshots.toJson(content));
        notice.origin = origin;
        notice.sourceFile = sourceFile;
        notice.status = status;
        notice.withdrawnReason = withdrawnReason;
        notice.ingestedAt = ingestedAt;
        notice.updatedAt = updatedAt;
        notice.revision = revision;
        notice.persist();
        return notice;
    }

    private void apply(NoticeContent content, Notice notice) {
        notice.slug = content.slug();
        notice.title = content.title();
        notice.date = LocalDate.parse(content.date());
        notice.type = content.type();
        notice.authority = Authority.findById(content.authority());
        notice.jurisdiction = content.jurisdiction();
        notice.proceeding = content.proceeding() == null ? null : Proceeding.findById(content.proceeding());
        notice.language = content.language();
        notice.summary = content.summary();
        notice.body = content.body();
        notice.sources.clear();
        notice.sources.addAll(content.sources());
        link(content, notice);
    }

    /**
     * Curated links from the content, plus what the linking engine detects in the body. Curated always
     * wins; a detected mention of a curated link still lends it the offsets of its first citation.
     */
    private void link(NoticeContent content, Notice notice) {
        LinkerProvider.Built linking = linkers.current();
        Catalog catalog = linking.catalog();
        Extraction found = linking.linker().extract(content.body());
        Map<String, PlatformMention> firstPlatform = new LinkedHashMap<>();
        found.platforms().forEach(m -> firstPlatform.putIfAbsent(m.id(), m));
        Map<String, RuleMention> firstRule = new LinkedHashMap<>();
        found.rules().stream().filter(m -> catalog.hasRule(m.key())).forEach(m -> firstRule.putIfAbsent(m.key(), m));

        notice.platforms.clear();
        for (String id : content.platforms().stream().distinct().toList()) {
            PlatformMention m = firstPlatform.remove(id);
            notice.platforms.add(new PlatformLink(id, Notice.CURATED, m == null ? null : m.text(), m == null ? null : m.start(), m == null ? null : m.end()));
        }
        firstPlatform.values().forEach(m -> notice.platforms.add(new PlatformLink(m.id(), Notice.DETECTED, m.text(), m.start(), m.end())));

        notice.rules.clear();
        for (RuleKey key : content.rules().stream().distinct().map(k -> RuleKey.parse(k).orElseThrow()).toList()) {
            RuleMention m = firstRule.remove(key.toString());
            notice.rules.add(new RuleLink(key.instrument(), key.provision(), Notice.CURATED, m == null ? null : m.text(),
                    m == null ? null : m.start(), m == null ? null : m.end()));
        }
        firstRule.values().forEach(m -> notice.rules.add(new RuleLink(m.instrument(), m.article(), Notice.DETECTED, m.text(), m.start(), m.end())));
    }
}
