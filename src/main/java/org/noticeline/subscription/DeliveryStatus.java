package org.noticeline.subscription;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** Where one delivery stands: waiting for its (next) attempt, delivered (a 2xx), or dead (retries spent, or 410 Gone). */
public enum DeliveryStatus implements StoredEnum {
    PENDING, DELIVERED, DEAD;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}
