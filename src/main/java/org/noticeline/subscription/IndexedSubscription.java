package org.noticeline.subscription;

import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeFilter;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What planning needs of one subscription, held by the {@link SubscriptionIndex}: its filter, ready to
 * {@link NoticeFilter#match}, the events it wants, where it starts, and whether it is disabled. It is filed under the
 * terms of one dimension of its filter, its narrowest ({@link #anchor}), or under "every notice" when it has none.
 */
final class IndexedSubscription {

    final String id;
    final NoticeFilter filter;
    final Set<EventType> events;
    final long startAfter;
    final boolean disabled;
    final String anchor;
    final List<String> anchorTerms;
    /** The notice the index last reached this one for, so that a notice with two of its terms checks it once. */
    long seenFor = -1;

    IndexedSubscription(String id, SubscriptionFilter filter, List<EventType> events, long startAfter, boolean disabled) {
        this.id = id;
        this.filter = filter.toNoticeFilter();
        this.events = events.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(events);
        this.startAfter = startAfter;
        this.disabled = disabled;
        Map.Entry<String, List<String>> narrowest = null;
        for (Map.Entry<String, List<String>> dimension : filter.terms().entrySet()) {
            if (!dimension.getValue().equals(List.of(SubscriptionFilter.ANY))
                    && (narrowest == null || breadth(dimension) < breadth(narrowest))) {
                narrowest = dimension;
            }
        }
        this.anchor = narrowest == null ? null : narrowest.getKey();
        this.anchorTerms = narrowest == null ? List.of() : narrowest.getValue();
    }

    /** The terms that matched when this subscription wants {@code change} of {@code notice}; empty when it does not. */
    Optional<Map<String, List<String>>> match(Notice notice, EventType type, long seq) {
        if (disabled || seq <= startAfter || !events.contains(type)) {
            return Optional.empty();
        }
        return filter.match(notice);
    }

    /**
     * How many notices a term of this dimension usually selects, in rank only: a proceeding holds a handful, a
     * provision few, a platform or an authority more, a whole instrument, a type or a jurisdiction most. The
     * narrowest dimension gives the fewest candidates to confirm.
     */
    private static int breadth(Map.Entry<String, List<String>> dimension) {
        return switch (dimension.getKey()) {
            case "proceeding" -> 0;
            case "rule" -> dimension.getValue().stream().allMatch(term -> term.contains(":")) ? 1 : 4;
            case "platform" -> 2;
            case "authority" -> 3;
            case "type" -> 5;
            default -> 6;
        };
    }
}
