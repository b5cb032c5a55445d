package org.noticeline.subscription;

import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.MatchableNotice;
import org.noticeline.search.TextFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What planning needs of one subscription, held by the {@link SubscriptionIndex}: its filter, ready to
 * {@link NoticeFilter#selects}, the events it wants, where it starts, and whether it is disabled; and the
 * {@link #keys} it is filed under.
 */
final class IndexedSubscription {

    /** Past this many combinations (a filter of many platforms and many provisions) it is filed under single terms. */
    private static final int MAX_PAIRS = 64;

    final String id;
    final NoticeFilter filter;
    /** Its search alert, if it has one: tried only on notices its other filters select. */
    final TextFilter text;
    final Set<EventType> events;
    final long startAfter;
    final boolean disabled;
    /** Its changes are held for a digest (e-mail) rather than sent one by one. */
    final boolean digest;
    /**
     * Where it is filed: every combination of a term of each of its two narrowest constrained dimensions (one
     * dimension if it constrains one, none if it wants every notice). A notice that it selects has those terms, so it
     * is found among the notice's own combinations, and nearly every subscription found is one that matches:
     * "DSA:34 for X" is not tried against every notice about X, nor against every one citing DSA:34. Past
     * {@value #MAX_PAIRS} combinations, the terms of its narrowest dimension only.
     */
    final List<String> keys;
    /**
     * Where a search alert with no other filter is filed: under the terms of which a notice must hold one to match it
     * ({@link TextFilter#required}), so that it is tried only on notices that hold one. Empty for every other
     * subscription, and for an alert whose query needs no particular term (it is tried on every notice).
     */
    final List<String> textKeys;
    /** The notice the index last reached this one for, so that a notice with two of its keys tries it once. */
    long seenFor = -1;

    IndexedSubscription(String id, SubscriptionFilter filter, TextFilter text, List<EventType> events, long startAfter, boolean disabled,
                        boolean digest) {
        this.id = id;
        this.filter = filter.toNoticeFilter();
        this.text = text;
        this.events = events.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(events);
        this.startAfter = startAfter;
        this.disabled = disabled;
        this.digest = digest;
        List<Map.Entry<String, List<String>>> constrained = new ArrayList<>(filter.terms().entrySet().stream()
                .filter(d -> !d.getValue().equals(List.of(SubscriptionFilter.ANY))).toList());
        constrained.sort(Comparator.comparingInt(IndexedSubscription::breadth));
        List<String> filed = new ArrayList<>();
        if (constrained.size() == 1 || constrained.size() > 1
                && constrained.get(0).getValue().size() * constrained.get(1).getValue().size() > MAX_PAIRS) {
            constrained.get(0).getValue().forEach(term -> filed.add(key(constrained.get(0).getKey(), term)));
        } else if (constrained.size() > 1) {
            Map.Entry<String, List<String>> first = constrained.get(0);
            Map.Entry<String, List<String>> second = constrained.get(1);
            for (String a : first.getValue()) {
                for (String b : second.getValue()) {
                    filed.add(key(first.getKey(), a, second.getKey(), b));
                }
            }
        }
        this.keys = List.copyOf(filed);
        this.textKeys = keys.isEmpty() ? List.copyOf(text.required().orElse(Set.of())) : List.of();
    }

    /** Whether it is tried on every notice: it files under no term of the notice's, nor under any word. */
    boolean wantsAnyNotice() {
        return keys.isEmpty() && textKeys.isEmpty() && !text.required().map(Set::isEmpty).orElse(false);
    }

    /** Whether this subscription wants change {@code seq}, of {@code type}, to {@code notice}. */
    boolean wants(MatchableNotice notice, EventType type, long seq) {
        return !disabled && seq > startAfter && events.contains(type) && filter.selects(notice.terms()) && text.matches(notice);
    }

    /** The key of one term. */
    static String key(String dimension, String term) {
        return dimension + '\u001f' + term;
    }

    /** The key of two terms of two dimensions, the same whichever comes first. */
    static String key(String dimension, String term, String otherDimension, String otherTerm) {
        int order = SubscriptionFilter.DIMENSIONS.indexOf(dimension) - SubscriptionFilter.DIMENSIONS.indexOf(otherDimension);
        return order < 0 ? key(dimension, term) + '\u001e' + key(otherDimension, otherTerm)
                : key(otherDimension, otherTerm) + '\u001e' + key(dimension, term);
    }

    /**
     * How many notices a term of this dimension usually selects, in rank only: a proceeding holds a handful, a
     * provision few, a platform or an authority more, a whole instrument, a type or a jurisdiction most. Filed under
     * its narrowest, a subscription that constrains three dimensions or more is tried by the fewest notices.
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
