package org.noticeline.notice;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A notice's terms in each dimension a filter selects on, gathered once so that many filters can be tried against one
 * notice (the planner tries hundreds per change) without walking its links each time.
 */
public record NoticeTerms(Set<String> platforms, Set<String> ruleKeys, Set<String> instruments, String authority, String type,
                          String jurisdiction, String proceeding, LocalDate date) {

    public static NoticeTerms of(Notice notice) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> instruments = new LinkedHashSet<>();
        for (RuleLink link : notice.rules) {
            keys.add(link.ruleKey);
            instruments.add(link.instrumentCode);
        }
        return new NoticeTerms(new LinkedHashSet<>(notice.platformIds()), keys, instruments, notice.authority.id, notice.type,
                notice.jurisdiction, notice.proceeding == null ? null : notice.proceeding.id, notice.date);
    }

    /** The terms of a notice as a {@link NoticeView} holds it: rule keys are {@code INSTRUMENT:provision}. */
    public static NoticeTerms of(NoticeView notice) {
        Set<String> keys = new LinkedHashSet<>(notice.rules());
        Set<String> instruments = new LinkedHashSet<>();
        for (String key : notice.rules()) {
            instruments.add(key.substring(0, key.indexOf(':')));
        }
        return new NoticeTerms(new LinkedHashSet<>(notice.platforms()), keys, instruments, notice.authority(), notice.type(),
                notice.jurisdiction(), notice.proceeding(), notice.date());
    }

    /** The terms in {@code dimension} ({@code platform}, {@code rule} for keys and instruments, {@code authority}, ...). */
    public List<String> in(String dimension) {
        return switch (dimension) {
            case "platform" -> List.copyOf(platforms);
            case "rule" -> {
                List<String> rules = new java.util.ArrayList<>(ruleKeys);
                rules.addAll(instruments);
                yield rules;
            }
            case "authority" -> List.of(authority);
            case "type" -> type == null ? List.of() : List.of(type);
            case "jurisdiction" -> jurisdiction == null ? List.of() : List.of(jurisdiction);
            case "proceeding" -> proceeding == null ? List.of() : List.of(proceeding);
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
    }
}
