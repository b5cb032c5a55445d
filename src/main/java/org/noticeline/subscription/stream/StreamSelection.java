package org.noticeline.subscription.stream;

import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.TextFilter;
import org.noticeline.subscription.EventType;

import java.util.EnumSet;
import java.util.Set;

/** What one stream follows: the notices of a filter and a search alert's query, and which kinds of event about them. */
public record StreamSelection(NoticeFilter filter, TextFilter text, Set<EventType> events) {

    /** Without {@code events}: new, revised and withdrawn notices (re-links are asked for). */
    public static final Set<EventType> DEFAULT_EVENTS = Set.copyOf(EnumSet.of(EventType.NOTICE_NEW, EventType.NOTICE_REVISED,
            EventType.NOTICE_WITHDRAWN));

    public StreamSelection {
        events = Set.copyOf(events);
    }
}
