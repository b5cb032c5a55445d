package org.noticeline.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * One change (or ping) to be sent to one subscription, with the exact payload and message id every attempt sends.
 * While a sender holds it, {@code leaseUntil} and {@code leasedBy} say until when and who.
 */
@Entity
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subscription_id")
    public String subscriptionId;
    /** The change's sequence number; null for a ping. */
    public Long seq;
    @Column(name = "event_type")
    public String eventType;
    /** The {@code webhook-id}: the same for every attempt and redelivery of this change to this subscription. */
    @Column(name = "message_id")
    public String messageId;
    public String payload;
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "leased_by")
    public String leasedBy;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** For a change held for an e-mail digest: the digest delivery that lists it, once it is digested. */
    @Column(name = "digest_id")
    public Long digestId;

    /** A ping is tried once; changes, confirmations and digests run the retry schedule. */
    public boolean retried() {
        return !"ping".equals(eventType);
    }
}
