package org.noticeline.subscription;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** How a subscription is told: each channel has one {@link ChannelSender}; the planning and the payload are the same for all. */
public enum Channel implements StoredEnum {
    WEBHOOK, EMAIL;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<Channel> {
        public Column() {
            super(Channel.class);
        }
    }
}
