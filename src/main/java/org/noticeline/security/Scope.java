package org.noticeline.security;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do. {@code admin} includes {@code ingest}: an administrator can also write notices. */
public enum Scope {
    INGEST, ADMIN;

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
