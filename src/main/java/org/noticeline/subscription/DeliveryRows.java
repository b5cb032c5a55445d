package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts planned deliveries as JDBC batches: a change matches tens to hundreds of subscriptions, and one statement
 * round trip per row (all Hibernate does for identity keys) would bound planning at a few thousand rows a second.
 */
@ApplicationScoped
class DeliveryRows {

    /** A delivery to insert, due at once: pending, or held for a digest. */
    record Planned(String subscriptionId, long seq, String eventType, String messageId, String payload, Instant createdAt, DeliveryStatus status) {
    }

    private static final int JDBC_BATCH = 500;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void insert(List<Planned> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into delivery (subscription_id, seq, event_type, message_id,"
                    + " payload, status, attempts, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                int batched = 0;
                for (Planned row : rows) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC);
                    insert.setString(1, row.subscriptionId());
                    insert.setLong(2, row.seq());
                    insert.setString(3, row.eventType());
                    insert.setString(4, row.messageId());
                    insert.setString(5, row.payload());
                    insert.setString(6, row.status().id());
                    insert.setObject(7, at);
                    insert.setObject(8, at);
                    insert.addBatch();
                    if (++batched % JDBC_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                if (batched % JDBC_BATCH != 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
