package org.noticeline.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token may do. {@code admin} includes the others: an administrator can also write notices and subscribe.
 * {@code subscribe} owns webhook subscriptions and nothing else.
 */
public enum Scope {
    INGEST, ADMIN, SUBSCRIBE;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Scope> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public boolean grants(Scope required) {
        return this == ADMIN || this == required;
    }
}
