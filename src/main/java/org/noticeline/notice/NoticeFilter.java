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
        return match(NoticeTerms.of(notice));
    }

    /** {@link #match(Notice)} of a notice's terms gathered beforehand. */
    public java.util.Optional<java.util.Map<String, List<String>>> match(NoticeTerms notice) {
        if (!selects(notice)) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, List<String>> matched = new java.util.LinkedHashMap<>();
        hits(matched, "platform", platforms, notice.platforms());
        List<String> rules = new java.util.ArrayList<>();
        notice.ruleKeys().stream().filter(ruleKeys::contains).forEach(rules::add);
        notice.instruments().stream().filter(instruments::contains).forEach(rules::add);
        if (!rules.isEmpty()) {
            matched.put("rule", rules);
        }
        hits(matched, "authority", authorities, java.util.Set.of(notice.authority()));
        hits(matched, "type", types, single(notice.type()));
        hits(matched, "jurisdiction", jurisdictions, single(notice.jurisdiction()));
        hits(matched, "proceeding", proceedings, single(notice.proceeding()));
        return java.util.Optional.of(matched);
    }

    /** The same judgment of a notice as a {@link NoticeView} holds it (a state the change log kept). */
    public boolean matches(NoticeView notice) {
        return selects(NoticeTerms.of(notice));
    }

    /**
     * Whether the notice is in this selection, without saying why: the test itself, cheap enough to try against
     * every candidate subscription of a change.
     */
    public boolean selects(NoticeTerms notice) {
        return any(platforms, notice.platforms())
                && (ruleKeys.isEmpty() && instruments.isEmpty() || some(ruleKeys, notice.ruleKeys()) || some(instruments, notice.instruments()))
                && is(authorities, notice.authority())
                && is(types, notice.type())
                && is(jurisdictions, notice.jurisdiction())
                && is(proceedings, notice.proceeding())
                && (from == null || !notice.date().isBefore(from))
                && (to == null || !notice.date().isAfter(to));
    }

    /** No values wanted, or one of them present. */
    private static boolean any(List<String> wanted, java.util.Set<String> present) {
        return wanted.isEmpty() || some(wanted, present);
    }

    private static boolean some(List<String> wanted, java.util.Set<String> present) {
        for (String value : wanted) {
            if (present.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(List<String> wanted, String present) {
        return wanted.isEmpty() || present != null && wanted.contains(present);
    }

    private static java.util.Set<String> single(String value) {
        return value == null ? java.util.Set.of() : java.util.Set.of(value);
    }

    private static void hits(java.util.Map<String, List<String>> matched, String name, List<String> wanted, java.util.Set<String> present) {
        if (!wanted.isEmpty()) {
            matched.put(name, present.stream().filter(wanted::contains).toList());
        }
    }

    private static List<String> or(List<String> scope, List<String> chosen) {
        return scope.isEmpty() ? chosen : scope;
    }
}
