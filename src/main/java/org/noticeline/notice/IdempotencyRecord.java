package org.noticeline.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The first answer to a write sent with an {@code Idempotency-Key}, kept so a retry gets the same answer. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "idem_key")
        public String key;
        public String caller;

        protected Key() {
        }

        public Key(String key, String caller) {
            this.key = key;
            this.caller = caller;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(key, other.key) && Objects.equals(caller, other.caller);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, caller);
        }
    }

    @EmbeddedId
    public Key id;
    @Column(name = "request_hash")
    public String requestHash;
    public NoticeService.Outcome outcome;
    public String slug;
    @Column(name = "created_at")
    public Instant createdAt;

    static void remember(String key, String caller, String requestHash, NoticeService.Outcome outcome, String slug) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new Key(key, caller);
        record.requestHash = requestHash;
        record.outcome = outcome;
        record.slug = slug;
        record.createdAt = Instant.now();
        record.persist();
    }
}
