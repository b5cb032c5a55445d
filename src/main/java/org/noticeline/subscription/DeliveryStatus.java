package org.noticeline.subscription;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/**
 * Where one delivery stands: waiting for its (next) attempt, delivered (a 2xx, an SMTP accept), or dead (retries
 * spent, or 410 Gone); for an e-mail digest subscriber, held until its digest is due, then digested (listed in the
 * digest delivery {@code digest_id}, which is sent and retried like any other).
 */
public enum DeliveryStatus implements StoredEnum {
    PENDING, DELIVERED, DEAD, HELD, DIGESTED;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}
