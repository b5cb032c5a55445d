package org.noticeline.subscription;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/**
 * Whether a subscription is sent to. Deliveries are still planned for a paused one (they wait, and go out when it is
 * resumed; those already being retried after failures run out their schedule); none are for a disabled one (its
 * endpoint said 410 Gone) nor for an unconfirmed one (an e-mail sign-up whose confirmation link was not followed yet:
 * only its confirmation mail is sent).
 */
public enum SubscriptionStatus implements StoredEnum {
    ACTIVE, PAUSED, DISABLED, UNCONFIRMED;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<SubscriptionStatus> {
        public Column() {
            super(SubscriptionStatus.class);
        }
    }
}
