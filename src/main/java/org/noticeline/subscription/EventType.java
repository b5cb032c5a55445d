package org.noticeline.subscription;

import org.noticeline.changelog.Change;

import java.util.Arrays;
import java.util.Optional;

/** What a subscriber is told about a public change; {@code catalog} changes and changes editors alone see are none. */
public enum EventType {
    NOTICE_NEW("notice.new"),
    NOTICE_REVISED("notice.revised"),
    NOTICE_WITHDRAWN("notice.withdrawn"),
    NOTICE_RELINKED("notice.relinked");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<EventType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The event a change makes: a notice created public, or a draft published, is new; a restoration is a revision. */
    public static Optional<EventType> of(Change change) {
        if (!change.visible()) {
            return Optional.empty();
        }
        return switch (change.kind()) {
            case CREATED, PUBLISHED -> Optional.of(NOTICE_NEW);
            case REVISED, RESTORED -> Optional.of(NOTICE_REVISED);
            case WITHDRAWN -> Optional.of(NOTICE_WITHDRAWN);
            case RELINKED -> Optional.of(NOTICE_RELINKED);
            case CATALOG -> Optional.empty();
        };
    }
}
