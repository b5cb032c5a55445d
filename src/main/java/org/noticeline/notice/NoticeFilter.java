package org.noticeline.notice;

import org.noticeline.notice.Cursor;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated selection of notices. Values within one filter are alternatives (platform=x or tiktok);
 * filters combine (platform and rule). {@code ruleKeys} and {@code instruments} together are the
 * {@code rule} parameter, which takes either a key ({@code DSA:34}) or an instrument ({@code DSA}).
 */
public record NoticeFilter(List<String> platforms, List<String> ruleKeys, List<String> instruments, List<String> authorities,
                           List<String> types, List<String> jurisdictions, List<String> proceedings, LocalDate from,
                           LocalDate to, boolean includeWithdrawn, int limit, Cursor cursor) {

    public NoticeFilter {
        platforms = List.copyOf(platforms);
        ruleKeys = List.copyOf(ruleKeys);
        instruments = List.copyOf(instruments);
        authorities = List.copyOf(authorities);
        types = List.copyOf(types);
        jurisdictions = List.copyOf(jurisdictions);
        proceedings = List.copyOf(proceedings);
    }

    /** The scope of a platform page: its notices whatever else the visitor filters on. */
    public static NoticeFilter ofPlatform(String id) {
        return scope(List.of(id), List.of(), List.of(), List.of(), List.of());
    }

    public static NoticeFilter ofRule(String key) {
        return scope(List.of(), List.of(key), List.of(), List.of(), List.of());
    }

    public static NoticeFilter ofInstrument(String code) {
        return scope(List.of(), List.of(), List.of(code), List.of(), List.of());
    }

    public static NoticeFilter ofAuthority(String id) {
        return scope(List.of(), List.of(), List.of(), List.of(id), List.of());
    }

    public static NoticeFilter ofProceeding(String id) {
        return scope(List.of(), List.of(), List.of(), List.of(), List.of(id));
    }

    private static NoticeFilter scope(List<String> platforms, List<String> ruleKeys, List<String> instruments,
                                      List<String> authorities, List<String> proceedings) {
        return new NoticeFilter(platforms, ruleKeys, instruments, authorities, List.of(), List.of(), proceedings, null, null, false, 0, null);
    }

    /**
     * This filter kept inside a page's scope (this platform, this rule): where the scope constrains
     * something, it replaces the visitor's choice, so a platform page never shows other platforms.
     * Rule keys and instruments are one constraint ({@code rule}), replaced together.
     */
    public NoticeFilter within(NoticeFilter scope) {
        boolean scopedRule = !scope.ruleKeys().isEmpty() || !scope.instruments().isEmpty();
        return new NoticeFilter(or(scope.platforms(), platforms), scopedRule ? scope.ruleKeys() : ruleKeys,
                scopedRule ? scope.instruments() : instruments, or(scope.authorities(), authorities), types, jurisdictions,
                or(scope.proceedings(), proceedings), from, to, includeWithdrawn, limit, cursor);
    }

    /** The same selection, another page of it. */
    public NoticeFilter withPage(int pageLimit, Cursor pageCursor) {
        return new NoticeFilter(platforms, ruleKeys, instruments, authorities, types, jurisdictions, proceedings, from, to,
                includeWithdrawn, pageLimit, pageCursor);
    }

    /** The same selection with the withdrawn notices in it too. */
    public NoticeFilter includingWithdrawn() {
        return new NoticeFilter(platforms, ruleKeys, instruments, authorities, types, jurisdictions, proceedings, from, to,
                true, limit, cursor);
    }

    /**
     * Whether {@code notice} is in this selection, judged in memory the way {@link NoticeQuery} judges it in the
     * database (status, limit and cursor aside: callers that follow changes decide about withdrawn notices
     * themselves). Present, it holds the terms that matched, by parameter name ({@code platform}, {@code rule},
     * ...), for telling a subscriber why it was sent.
     */
    public java.util.Optional<java.util.Map<String, List<String>>> match(Notice notice) {
        List<String[]> rules = notice.rules.stream().map(r -> new String[] {r.ruleKey, r.instrumentCode}).toList();
        return match(notice.platformIds(), rules, notice.authority.id, notice.type, notice.jurisdiction,
                notice.proceeding == null ? null : notice.proceeding.id, notice.date);
    }

    /** The same judgment of a notice as a {@link NoticeView} holds it (a state the change log kept). */
    public boolean matches(NoticeView notice) {
        List<String[]> rules = notice.rules().stream().map(key -> new String[] {key, key.contains(":") ? key.substring(0, key.indexOf(':')) : key}).toList();
        return match(notice.platforms(), rules, notice.authority(), notice.type(), notice.jurisdiction(), notice.proceeding(), notice.date()).isPresent();
    }

    /** {@code rules} are pairs of rule key and instrument code. */
    private java.util.Optional<java.util.Map<String, List<String>>> match(List<String> platformIds, List<String[]> rules, String authority,
                                                                          String type, String jurisdiction, String proceeding, LocalDate date) {
        java.util.Map<String, List<String>> matched = new java.util.LinkedHashMap<>();
        boolean in = term(matched, "platform", platforms, platformIds)
                && ruleTerm(matched, rules)
                && term(matched, "authority", authorities, List.of(authority))
                && term(matched, "type", types, List.of(type))
                && term(matched, "jurisdiction", jurisdictions, List.of(jurisdiction))
                && term(matched, "proceeding", proceedings, proceeding == null ? List.of() : List.of(proceeding))
                && (from == null || !date.isBefore(from))
                && (to == null || !date.isAfter(to));
        return in ? java.util.Optional.of(matched) : java.util.Optional.empty();
    }

    private boolean ruleTerm(java.util.Map<String, List<String>> matched, List<String[]> rules) {
        if (ruleKeys.isEmpty() && instruments.isEmpty()) {
            return true;
        }
        List<String> hits = new java.util.ArrayList<>();
        for (String[] rule : rules) {
            if (ruleKeys.contains(rule[0]) && !hits.contains(rule[0])) {
                hits.add(rule[0]);
            }
            if (instruments.contains(rule[1]) && !hits.contains(rule[1])) {
                hits.add(rule[1]);
            }
        }
        if (!hits.isEmpty()) {
            matched.put("rule", hits);
        }
        return !hits.isEmpty();
    }

    private static boolean term(java.util.Map<String, List<String>> matched, String name, List<String> wanted, List<String> present) {
        if (wanted.isEmpty()) {
            return true;
        }
        List<String> hits = present.stream().filter(wanted::contains).distinct().toList();
        if (!hits.isEmpty()) {
            matched.put(name, hits);
        }
        return !hits.isEmpty();
    }

    private static List<String> or(List<String> scope, List<String> chosen) {
        return scope.isEmpty() ? chosen : scope;
    }
}
