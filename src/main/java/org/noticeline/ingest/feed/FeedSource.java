package org.noticeline.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An official feed we poll: what it is (URL, format, the authority it speaks for, interval, whether
 * its entries are published or wait for review) and what polling it has found so far.
 */
@Entity
@Table(name = "feed_source")
public class FeedSource extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "authority_id")
    public String authority;
    public String url;
    public String format;
    @Column(name = "poll_interval_seconds")
    public long intervalSeconds;
    /** The notice type of its entries; {@code press-release} when null. */
    @Column(name = "notice_type")
    public String type;
    public boolean publish;
    public boolean enabled;
    public SourceOrigin origin;
    @Column(name = "config_hash")
    public String configHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    @Column(name = "leased_until")
    public Instant leasedUntil;
    @Column(name = "last_poll_at")
    public Instant lastPollAt;
    @Column(name = "last_outcome")
    public PollOutcome lastOutcome;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_error_at")
    public Instant lastErrorAt;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "entries_seen")
    public long entriesSeen;
    @Column(name = "notices_created")
    public long noticesCreated;
    @Column(name = "notices_updated")
    public long noticesUpdated;
    @Column(name = "entries_failed")
    public long entriesFailed;

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    public FeedFormat feedFormat() {
        return FeedFormat.fromId(format).orElseThrow(() -> new IllegalStateException("source " + id + " has format " + format));
    }

    public static List<FeedSource> listOrdered() {
        return list("order by id");
    }

    /** Ids of enabled sources whose next poll is due and that no replica holds, most overdue first. */
    static List<String> dueIds(Instant now) {
        return getEntityManager().createQuery("select s.id from FeedSource s where s.enabled = true and s.nextPollAt <= :now"
                        + " and (s.leasedUntil is null or s.leasedUntil <= :now) order by s.nextPollAt, s.id", String.class)
                .setParameter("now", now).getResultList();
    }

    /**
     * Takes the source for one poll until {@code leaseUntil}: a conditional update, so of two replicas
     * only one sees a row updated. {@code onlyIfDue} is false for "poll now", which ignores the schedule
     * but never a poll already under way.
     */
    static boolean claim(String id, Instant now, Instant leaseUntil, boolean onlyIfDue) {
        String due = onlyIfDue ? " and nextPollAt <= ?3" : "";
        return update("leasedUntil = ?1 where id = ?2 and enabled = true and (leasedUntil is null or leasedUntil <= ?3)" + due,
                leaseUntil, id, now) == 1;
    }
}
