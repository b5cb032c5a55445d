package org.noticeline.ingest.feed;

import org.noticeline.transaction.RetryOnConflict;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.outbound.OutboundFetcher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, lists and disables sources; the file's sources are applied here too, so both paths check the same way. */
@ApplicationScoped
public class FeedSources {

    @Inject
    CatalogStore catalogStore;
    @Inject
    OutboundFetcher fetcher;
    @Inject
    NoticelineConfig config;

    public List<FieldError> problems(FeedSourceSpec spec) {
        return spec.problems(catalogStore.catalog(), fetcher.policy());
    }

    @Transactional
    public List<FeedSource> list() {
        return FeedSource.listOrdered();
    }

    @RetryOnConflict
    @Transactional
    public FeedSource create(FeedSourceSpec spec) {
        List<FieldError> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidException(problems);
        }
        if (FeedSource.findById(spec.id()) != null) {
            throw new ConflictException("a source '" + spec.id() + "' exists already",
                    List.of(FieldError.of("id", "already in use")));
        }
        FeedSource source = new FeedSource();
        source.id = spec.id();
        source.origin = SourceOrigin.API;
        source.createdAt = Instant.now();
        source.nextPollAt = source.createdAt;
        configure(source, spec);
        source.persist();
        return source;
    }

    @Transactional
    public FeedSource disable(String id) {
        FeedSource source = FeedSource.<FeedSource>findByIdOptional(id).orElseThrow(() -> new NotFoundException("source", id));
        if (source.enabled) {
            source.enabled = false;
            source.updatedAt = Instant.now();
        }
        return source;
    }

    /**
     * Makes a source say what its entry in the file says, when that entry is new or changed since it
     * was last applied; an unchanged entry leaves the source alone, so a disable through the API lasts.
     * Returns a problem when an API-created source has the id already.
     */
    @Transactional
    public Optional<String> applyFileEntry(FeedSourceSpec spec) {
        FeedSource source = FeedSource.findById(spec.id());
        String hash = spec.hash();
        if (source == null) {
            source = new FeedSource();
            source.id = spec.id();
            source.origin = SourceOrigin.FILE;
            source.createdAt = Instant.now();
            source.nextPollAt = source.createdAt;
        } else if (!SourceOrigin.FILE.equals(source.origin)) {
            return Optional.of("source '" + spec.id() + "' was created through the API; the file entry is ignored");
        } else if (hash.equals(source.configHash)) {
            return Optional.empty();
        }
        if (source.url != null && !source.url.equals(spec.url().strip())) {
            source.etag = null;
            source.lastModified = null;
        }
        configure(source, spec);
        source.configHash = hash;
        source.persist();
        return Optional.empty();
    }

    private void configure(FeedSource source, FeedSourceSpec spec) {
        source.authority = spec.authority();
        source.url = spec.url().strip();
        source.format = spec.format();
        source.intervalSeconds = spec.intervalOr(config.feeds().defaultInterval()).toSeconds();
        source.type = spec.type();
        source.publish = spec.publishOrDefault();
        source.enabled = spec.enabledOrDefault();
        source.updatedAt = Instant.now();
    }
}
