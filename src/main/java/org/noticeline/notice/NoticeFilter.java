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

    private static List<String> or(List<String> scope, List<String> chosen) {
        return scope.isEmpty() ? chosen : scope;
    }
}
