package org.noticeline.ingest.feed;

import org.noticeline.notice.NoticeStatus;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.transaction.Retries;
import org.noticeline.domain.InvalidException;
import org.noticeline.outbound.OutboundException;
import org.noticeline.outbound.OutboundFetcher;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Polls sources: a conditional GET of the feed, then each entry not seen before (or changed) is
 * fetched, turned into a notice and written, one transaction per entry. A source is claimed before
 * it is polled, so two replicas never poll it at once; a failing entry or source is recorded in the
 * source's state and never stops the others.
 */
@ApplicationScoped
public class FeedPoller {

    /** How long a claim holds: a replica that dies mid-poll keeps its source from the others no longer than this. */
    static final Duration LEASE = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5";
    private static final int MAX_URL = 1000;

    @Inject
    OutboundFetcher fetcher;
    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticeService notices;

    /** The source as one poll sees it, read once at its start. */
    private record Source(String id, String authority, String url, FeedFormat format, String type, boolean publish,
                          Duration interval, String etag, String lastModified) {
        static Source of(FeedSource s) {
            return new Source(s.id, s.authority, s.url, s.feedFormat(), s.type, s.publish, s.interval(), s.etag, s.lastModified);
        }
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED, DUPLICATE, KEPT, FETCH }

    /** Polls every enabled source that is due (the scheduler's tick). */
    public List<PollResult> pollDue() {
        Instant now = Instant.now();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> FeedSource.dueIds(now));
        List<PollResult> results = new ArrayList<>();
        for (String id : due) {
            try {
                if (claim(id, true)) {
                    results.add(poll(id));
                }
            } catch (RuntimeException e) {
                // poll() records every failure of the source itself; this is the database failing to record it.
                // The claim then lapses after LEASE, and the next tick tries again; the other sources go on.
                LOG.errorf(e, "could not poll or record source %s", id);
            }
        }
        return results;
    }

    /** Polls one source now, whatever its schedule; refused while it is disabled or being polled. */
    public PollResult pollNow(String id) {
        FeedSource source = QuarkusTransaction.requiringNew().call(() -> FeedSource.<FeedSource>findById(id));
        if (source == null) {
            throw new NotFoundException("source", id);
        }
        if (!source.enabled) {
            throw new ConflictException("source '" + id + "' is disabled");
        }
        if (!claim(id, false)) {
            throw new ConflictException("source '" + id + "' is being polled right now");
        }
        return poll(id);
    }

    /** True when this replica now holds the source (see {@link FeedSource#claim}). */
    boolean claim(String id, boolean onlyIfDue) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> FeedSource.claim(id, now, now.plus(LEASE), onlyIfDue));
    }

    /** Polls a source this replica has claimed; whatever happens, the outcome is recorded and the claim released. */
    PollResult poll(String id) {
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.of(FeedSource.findById(id)));
        Tally tally = new Tally();
        Instant started = Instant.now();
        PollOutcome outcome;
        String error = null;
        String etag = source.etag();
        String lastModified = source.lastModified();
        try {
            OutboundFetcher.Fetched feed = fetcher.get(URI.create(source.url()), conditionalHeaders(source));
            if (feed.status() == 304) {
                outcome = PollOutcome.NOT_MODIFIED;
            } else if (!feed.ok()) {
                throw new FeedException("feed " + feed.uri() + " answered HTTP " + feed.status());
            } else {
                List<FeedEntry> entries = FeedParser.parse(source.format(), feed.body(), feed.uri());
                tally.entries = entries.size();
                for (FeedEntry entry : entries) {
                    ingestCounted(source, entry, tally);
                }
                outcome = tally.failed == 0 ? PollOutcome.OK : PollOutcome.PARTIAL;
                // Validators are kept only after a clean read, so a poll after a failed entry reads the whole feed again.
                etag = tally.failed == 0 ? feed.header("ETag").orElse(null) : null;
                lastModified = tally.failed == 0 ? feed.header("Last-Modified").orElse(null) : null;
            }
        } catch (OutboundException | FeedException e) {
            outcome = PollOutcome.FAILED;
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.errorf(e, "polling source %s failed unexpectedly", id);
            outcome = PollOutcome.FAILED;
            error = "unexpected error: " + e;
        }
        PollResult result = new PollResult(id, outcome, started, tally.entries, tally.created, tally.updated, tally.unchanged,
                tally.duplicates, tally.kept, tally.failed, error, tally.problems);
        record(source, result, etag, lastModified);
        LOG.infof("polled source %s: %s, %d entries, %d created, %d updated, %d duplicates, %d kept, %d failed%s", id, outcome.id(),
                result.entries(), result.created(), result.updated(), result.duplicates(), result.kept(), result.failed(),
                error == null ? "" : " (" + error + ")");
        return result;
    }

    private static Map<String, String> conditionalHeaders(Source source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", source.format().accept());
        if (source.etag() != null) {
            headers.put("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            headers.put("If-Modified-Since", source.lastModified());
        }
        return headers;
    }

    private void record(Source source, PollResult result, String etag, String lastModified) {
        QuarkusTransaction.requiringNew().run(() -> {
            FeedSource state = FeedSource.findById(source.id());
            Instant now = Instant.now();
            state.lastPollAt = result.polledAt();
            state.lastOutcome = result.outcome();
            if (!PollOutcome.FAILED.equals(result.outcome())) {
                state.lastSuccessAt = result.polledAt();
                state.etag = truncate(etag, 500);
                state.lastModified = truncate(lastModified, 100);
            }
            String problem = result.error() != null ? result.error()
                    : result.problems().isEmpty() ? null : result.problems().get(result.problems().size() - 1);
            if (problem != null) {
                state.lastError = truncate(problem, 1000);
                state.lastErrorAt = result.polledAt();
            }
            state.entriesSeen = FeedEntryRecord.countForSource(source.id());
            state.noticesCreated += result.created();
            state.noticesUpdated += result.updated();
            state.entriesFailed += result.failed();
            state.nextPollAt = now.plus(state.interval());
            state.leasedUntil = null;
        });
    }

    private void ingestCounted(Source source, FeedEntry entry, Tally tally) {
        try {
            switch (ingest(source, entry)) {
                case CREATED -> tally.created++;
                case UPDATED -> tally.updated++;
                case DUPLICATE -> tally.duplicates++;
                case KEPT -> tally.kept++;
                default -> tally.unchanged++;
            }
        } catch (OutboundException | FeedException e) {
            tally.fail(entry, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "entry %s of source %s failed", entry.key(), source.id());
            tally.fail(entry, "unexpected error: " + e);
        }
    }

    private Outcome ingest(Source source, FeedEntry entry) throws OutboundException {
        if (entry.problem() != null) {
            throw new FeedException(entry.problem());
        }
        if (entry.url().length() > MAX_URL || !entry.url().matches("(?i)https?://.+")) {
            throw new FeedException("link " + truncate(entry.url(), 200) + " is not an http(s) URL of at most " + MAX_URL + " characters");
        }
        String key = entry.key().length() <= MAX_URL ? entry.key() : "sha256:" + Sha256.hex(entry.key());
        Outcome known = QuarkusTransaction.requiringNew().call(() -> recognise(source, entry, key));
        if (known != Outcome.FETCH) {
            return known;
        }
        OutboundFetcher.Fetched page = fetcher.get(URI.create(entry.url()), Map.of("Accept", PAGE_ACCEPT));
        if (!page.ok()) {
            throw new FeedException("page " + page.uri() + " answered HTTP " + page.status());
        }
        PageText text = PageText.of(page.body(), page.header("Content-Type").orElse(null), page.uri().toString());
        return Retries.inNewTransaction(() -> write(source, entry, key, text));
    }

    /**
     * What we know of an entry before fetching anything: {@code FETCH} when it is new, or ours and
     * changed in the feed; {@code DUPLICATE} (and now recorded) when its link is already a notice.
     */
    private Outcome recognise(Source source, FeedEntry entry, String key) {
        FeedEntryRecord record = FeedEntryRecord.findEntry(source.id(), key).orElse(null);
        if (record != null) {
            return record.createdNotice && !entry.hash().equals(record.entryHash) ? Outcome.FETCH : Outcome.UNCHANGED;
        }
        String existing = FeedEntryRecord.slugForUrl(entry.url()).or(() -> noticeCiting(entry.url())).orElse(null);
        if (existing == null) {
            return Outcome.FETCH;
        }
        Instant now = Instant.now();
        FeedEntryRecord duplicate = new FeedEntryRecord();
        duplicate.sourceId = source.id();
        duplicate.entryId = key;
        duplicate.url = entry.url();
        duplicate.noticeSlug = existing;
        duplicate.createdNotice = false;
        duplicate.entryHash = entry.hash();
        duplicate.firstSeenAt = now;
        duplicate.lastChangedAt = now;
        duplicate.persist();
        return Outcome.DUPLICATE;
    }

    private static Optional<String> noticeCiting(String url) {
        return Notice.getEntityManager()
                .createQuery("select n.slug from Notice n join n.sources s where s = :url order by n.id", String.class)
                .setParameter("url", url).setMaxResults(1).getResultStream().findFirst();
    }

    private Outcome write(Source source, FeedEntry entry, String key, PageText page) {
        Catalog catalog = catalogStore.catalog();
        FeedEntryRecord record = FeedEntryRecord.findEntry(source.id(), key).orElse(null);
        String pageHash = Sha256.hex(page.text());
        Instant now = Instant.now();
        LocalDate date;
        if (record == null) {
            if (FeedEntryRecord.slugForUrl(entry.url()).isPresent()) {
                // Another poll recorded this link while we fetched; the next poll records this entry as its duplicate.
                return Outcome.UNCHANGED;
            }
            date = EntryNotice.date(entry, LocalDate.now(ZoneOffset.UTC));
            record = new FeedEntryRecord();
            record.sourceId = source.id();
            record.entryId = key;
            record.createdNotice = true;
            record.firstSeenAt = now;
            record.noticeSlug = freeSlug(source, key, date, entry.title() != null ? entry.title() : page.title());
        } else {
            Notice current = Notice.findBySlug(record.noticeSlug).orElse(null);
            if (current != null && record.writtenHash != null && !record.writtenHash.equals(current.contentHash)) {
                LOG.infof("entry %s of source %s changed, but notice %s was edited since; keeping the edited version",
                        key, source.id(), record.noticeSlug);
                record.entryHash = entry.hash();
                record.contentHash = pageHash;
                record.url = entry.url();
                return Outcome.KEPT;
            }
            date = EntryNotice.date(entry, current != null ? current.date : LocalDate.now(ZoneOffset.UTC));
        }
        String jurisdiction = catalog.authority(source.authority()).map(AuthoritySpec::jurisdiction).orElse(null);
        NoticeContent content = EntryNotice.content(record.noticeSlug, source.authority(), jurisdiction, source.type(), entry, page, date);
        NoticeService.Written result;
        try {
            result = notices.upsert(content, NoticeService.Author.of("feed:" + source.id(), NoticeOrigin.FEED),
                    source.publish() ? NoticeStatus.PUBLISHED : NoticeStatus.DRAFT);
        } catch (InvalidException e) {
            throw new FeedException("not a valid notice: " + e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; ")));
        }
        record.url = entry.url();
        record.entryHash = entry.hash();
        record.contentHash = pageHash;
        record.writtenHash = result.notice().contentHash;
        record.lastChangedAt = now;
        record.persist();
        return switch (result.outcome()) {
            case CREATED -> Outcome.CREATED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
    }

    /** The entry's slug, or with a short hash of the entry when another notice has it already. */
    private static String freeSlug(Source source, String key, LocalDate date, String title) {
        String slug = EntryNotice.slug(date, title);
        if (Notice.findBySlug(slug).isEmpty()) {
            return slug;
        }
        String hashed = EntryNotice.slugWithHash(slug, source.id(), key);
        if (Notice.findBySlug(hashed).isPresent()) {
            throw new FeedException("slugs '" + slug + "' and '" + hashed + "' are both taken by other notices");
        }
        return hashed;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Counts of one poll. */
    private static final class Tally {
        int entries;
        int created;
        int updated;
        int unchanged;
        int duplicates;
        int kept;
        int failed;
        final List<String> problems = new ArrayList<>();

        void fail(FeedEntry entry, String message) {
            failed++;
            problems.add("entry " + (entry.key() == null ? "(no id)" : entry.key()) + ": " + message);
        }
    }
}
