package org.noticeline.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * An entry of a source that polling has seen, and the notice it is. The same entry id (per source)
 * or the same URL (in any source, or cited by any notice) never makes a second notice.
 */
@Entity
@Table(name = "feed_entry")
public class FeedEntryRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "entry_id")
    public String entryId;
    public String url;
    @Column(name = "notice_slug")
    public String noticeSlug;
    /** True when this entry created its notice; only such an entry revises it. */
    @Column(name = "created_notice")
    public boolean createdNotice;
    /** Hash of the entry as the feed gave it (title, link, date, summary): a change is what makes us fetch the page again. */
    @Column(name = "entry_hash")
    public String entryHash;
    /** Hash of the text extracted from the entry's page. */
    @Column(name = "content_hash")
    public String contentHash;
    /** The notice's content hash after our last write; a different one means an editor changed it since. */
    @Column(name = "written_hash")
    public String writtenHash;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "last_changed_at")
    public Instant lastChangedAt;

    public static Optional<FeedEntryRecord> findEntry(String sourceId, String entryId) {
        return find("sourceId = ?1 and entryId = ?2", sourceId, entryId).firstResultOptional();
    }

    /** The notice an entry of any source with this URL is, if one was seen. */
    public static Optional<String> slugForUrl(String url) {
        return FeedEntryRecord.<FeedEntryRecord>find("url = ?1 order by id", url).firstResultOptional().map(r -> r.noticeSlug);
    }

    public static long countForSource(String sourceId) {
        return count("sourceId", sourceId);
    }
}
