package org.noticeline.notice;

import org.noticeline.web.Cursor;

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
        return new NoticeFilter(List.of(id), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 0, null);
    }

    public static NoticeFilter ofRule(String key) {
        return new NoticeFilter(List.of(), List.of(key), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 0, null);
    }

    public static NoticeFilter ofInstrument(String code) {
        return new NoticeFilter(List.of(), List.of(), List.of(code), List.of(), List.of(), List.of(), List.of(), null, null, false, 0, null);
    }

    public static NoticeFilter ofAuthority(String id) {
        return new NoticeFilter(List.of(), List.of(), List.of(), List.of(id), List.of(), List.of(), List.of(), null, null, false, 0, null);
    }

    public static NoticeFilter ofProceeding(String id) {
        return new NoticeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(id), null, null, false, 0, null);
    }

}
