package org.noticeline.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One subscription as stored: whose it is (a token for webhooks; nobody for e-mail, whose links are the credential),
 * where it is sent, what it selects and wants, and its signing secrets (webhooks) or frequency and time zone (e-mail).
 * A write that changes its filter, events, start, confirmation or whether it is disabled goes through
 * {@link SubscriptionVersions#changed}, or the planners' in-memory indexes would not see it.
 */
@Entity
public class Subscription extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "owner_token_id")
    public Long ownerTokenId;
    @Column(name = "owner_name")
    public String ownerName;
    public Channel channel;
    /** The webhook URL, or the e-mail address. */
    public String target;
    /** The filter as {@link SubscriptionFilter} JSON. */
    @Column(name = "filter_json")
    public String filterJson;
    /** Comma-separated {@link EventType} ids. */
    public String events;
    public SubscriptionStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
    /** The head of the change log when it was created: only later changes are planned for it (no backfill). */
    @Column(name = "start_after")
    public long startAfter;
    /** When its deliveries started failing without a success since; null while they succeed. */
    @Column(name = "failing_since")
    public Instant failingSince;
    /** The {@link SubscriptionVersions} number of the last write that changed what planning reads of it. */
    @Column(name = "index_version")
    public long indexVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** E-mail only: one mail per change, or a daily or weekly digest. */
    public EmailFrequency frequency;
    /** E-mail only: the zone whose clock the digest hour is read on (an IANA id). */
    @Column(name = "time_zone")
    public String timeZone;
    /** E-mail only: when the confirmation link was followed; null while unconfirmed. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    /** E-mail digests only: when the next digest is due. */
    @Column(name = "next_digest_at")
    public Instant nextDigestAt;

    public List<EventType> eventList() {
        return eventList(events);
    }

    /** The events of a stored {@code events} column. */
    static List<EventType> eventList(String events) {
        return Arrays.stream(events.split(",")).map(String::trim).map(EventType::fromId).flatMap(Optional::stream).toList();
    }

    /** Whether its changes are held for a digest rather than sent one by one. */
    public boolean digest() {
        return frequency != null && frequency.digest();
    }

    public boolean wants(EventType type) {
        return eventList().contains(type);
    }

    /** The secrets that sign now: the current one, and the previous one during the overlap after a rotation; none for e-mail. */
    public List<String> signingSecrets(Instant now) {
        if (secret == null) {
            return List.of();
        }
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
