package org.noticeline.notice.rest;

import org.noticeline.domain.FieldError;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.Cursor;
import org.noticeline.notice.NoticeDates;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The filter query parameters every timeline and {@code GET /api/notices} take. Each may repeat;
 * a value the catalog does not know is a 400 naming the parameter, not an empty page.
 */
public class NoticeFilterParams {

    @RestQuery
    public List<String> platform = new ArrayList<>();
    @RestQuery
    public List<String> rule = new ArrayList<>();
    @RestQuery
    public List<String> authority = new ArrayList<>();
    @RestQuery
    public List<String> type = new ArrayList<>();
    @RestQuery
    public List<String> jurisdiction = new ArrayList<>();
    @RestQuery
    public List<String> proceeding = new ArrayList<>();
    // Single-valued, but bound as lists so that a repeated one is refused rather than silently the first.
    @RestQuery
    public List<String> from = new ArrayList<>();
    @RestQuery
    public List<String> to = new ArrayList<>();
    @RestQuery
    public List<String> withdrawn = new ArrayList<>();
    @RestQuery
    public List<String> limit = new ArrayList<>();
    @RestQuery
    public List<String> cursor = new ArrayList<>();

    public NoticeFilter toFilter(Catalog catalog, NoticelineConfig config) {
        List<String> platforms = values(platform);
        platforms.stream().filter(p -> catalog.platform(p).isEmpty()).findFirst()
                .ifPresent(p -> { throw ProblemException.badParameter("platform", "unknown platform '" + p + "'"); });
        List<String> ruleKeys = new ArrayList<>();
        List<String> instruments = new ArrayList<>();
        for (String value : values(rule)) {
            if (value.contains(":")) {
                RuleKey key = RuleKey.parse(value).filter(k -> catalog.hasRule(k.toString()))
                        .orElseThrow(() -> ProblemException.badParameter("rule", "unknown rule '" + value + "'; expected a key such as DSA:34 or an instrument code such as DSA"));
                ruleKeys.add(key.toString());
            } else {
                String code = value.toUpperCase(Locale.ROOT);
                if (catalog.instrument(code).isEmpty()) {
                    throw ProblemException.badParameter("rule", "unknown instrument '" + value + "'");
                }
                instruments.add(code);
            }
        }
        List<String> authorities = values(authority);
        authorities.stream().filter(a -> catalog.authority(a).isEmpty()).findFirst()
                .ifPresent(a -> { throw ProblemException.badParameter("authority", "unknown authority '" + a + "'"); });
        List<String> types = values(type);
        types.stream().filter(t -> NoticeType.fromId(t).isEmpty()).findFirst()
                .ifPresent(t -> { throw ProblemException.badParameter("type", "unknown type '" + t + "'; expected one of " + String.join(", ", NoticeType.ids())); });
        List<String> jurisdictions = values(jurisdiction).stream().map(j -> j.toUpperCase(Locale.ROOT)).toList();
        jurisdictions.stream().filter(j -> !j.matches("[A-Z]{2,3}")).findFirst()
                .ifPresent(j -> { throw ProblemException.badParameter("jurisdiction", "'" + FieldError.excerpt(j) + "' is not a code such as EU, UK, US"); });
        List<String> proceedings = values(proceeding);
        proceedings.stream().filter(p -> catalog.proceeding(p).isEmpty()).findFirst()
                .ifPresent(p -> { throw ProblemException.badParameter("proceeding", "unknown proceeding '" + p + "'"); });
        LocalDate fromDate = date("from", single("from", from));
        LocalDate toDate = date("to", single("to", to));
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.badParameter("to", "'to' (" + toDate + ") is before 'from' (" + fromDate + ")");
        }
        return new NoticeFilter(platforms, ruleKeys, instruments, authorities, types, jurisdictions, proceedings,
                fromDate, toDate, QueryValues.bool("withdrawn", single("withdrawn", withdrawn)), limit(config), cursor());
    }

    /**
     * The parameters that select what {@code filter} selects, in one spelling: each list sorted and without repeats,
     * rule keys and instruments together as {@code rule}. Only the selection: not {@code withdrawn}, {@code limit}
     * or {@code cursor}, so equal selections give equal {@link #filterQuery()}s (a cache key, a feed's id).
     */
    public static NoticeFilterParams selecting(NoticeFilter filter) {
        NoticeFilterParams params = new NoticeFilterParams();
        params.platform = canonical(filter.platforms());
        params.rule = canonical(Stream.concat(filter.ruleKeys().stream(), filter.instruments().stream()).toList());
        params.authority = canonical(filter.authorities());
        params.type = canonical(filter.types());
        params.jurisdiction = canonical(filter.jurisdictions());
        params.proceeding = canonical(filter.proceedings());
        params.from = filter.from() == null ? new ArrayList<>() : new ArrayList<>(List.of(filter.from().toString()));
        params.to = filter.to() == null ? new ArrayList<>() : new ArrayList<>(List.of(filter.to().toString()));
        return params;
    }

    private static List<String> canonical(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    /** The {@code asOf} parameter: a change-log position (the record as it stood after that change), if given. */
    public static OptionalLong asOf(List<String> raw) {
        String position = QueryValues.single("asOf", raw);
        return position == null ? OptionalLong.empty() : OptionalLong.of(QueryValues.number("asOf", position, 0, Long.MAX_VALUE, 0));
    }

    /** The {@code from} given, for a form that shows it again (after {@link #toFilter} has refused repeats). */
    public String firstFrom() {
        return from.isEmpty() ? null : from.get(0);
    }

    public String firstTo() {
        return to.isEmpty() ? null : to.get(0);
    }

    /** The query string of the filters alone (no cursor, no limit), for links that keep them. */
    public String filterQuery() {
        StringBuilder query = new StringBuilder();
        append(query, "platform", platform);
        append(query, "rule", rule);
        append(query, "authority", authority);
        append(query, "type", type);
        append(query, "jurisdiction", jurisdiction);
        append(query, "proceeding", proceeding);
        append(query, "from", from);
        append(query, "to", to);
        append(query, "withdrawn", withdrawn);
        append(query, "limit", limit);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, List<String> values) {
        for (String value : values(values)) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Cursor cursor() {
        String value = single("cursor", cursor);
        return blank(value) ? null : Cursor.decode(value.trim())
                .orElseThrow(() -> ProblemException.badParameter("cursor", "not a cursor this service issued"));
    }

    private int limit(NoticelineConfig config) {
        return (int) QueryValues.number("limit", single("limit", this.limit), 1, config.maxPageSize(), config.pageSize());
    }

    private static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        return NoticeDates.parse(value).orElseThrow(() -> ProblemException.badParameter(name,
                "'" + FieldError.excerpt(value) + "' is not a date; expected YYYY-MM-DD from " + NoticeDates.EARLIEST + " to " + NoticeDates.latest()));
    }

    /** Splits comma-separated values too, so both {@code platform=x&platform=tiktok} and {@code platform=x,tiktok} work. */
    private static List<String> values(List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String entry : raw) {
            for (String value : entry.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    private static String single(String name, List<String> values) {
        return QueryValues.single(name, values);
    }

    private static boolean blank(String value) {
        return QueryValues.blank(value);
    }
}
