package org.noticeline.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.TextFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A subscription's filter as stored and shown: the parameters of {@code /api/notices} (each list sorted, without
 * repeats; {@code rule} holds keys and instruments alike), validated against the catalog when it was set, and
 * {@code q}, a query of the search language (a search alert), which the notice must match as well.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubscriptionFilter(List<String> platform, List<String> rule, List<String> authority, List<String> type,
                                 List<String> jurisdiction, List<String> proceeding, String from, String to, String q) {

    /** The dimensions the planner indexes; a subscription with no term in one has the term {@value #ANY} there. */
    static final List<String> DIMENSIONS = List.of("platform", "rule", "authority", "type", "jurisdiction", "proceeding");
    static final String ANY = "*";

    public SubscriptionFilter {
        platform = canonical(platform);
        rule = canonical(rule);
        authority = canonical(authority);
        type = canonical(type);
        jurisdiction = canonical(jurisdiction);
        proceeding = canonical(proceeding);
        q = q == null || q.isBlank() ? null : q.strip();
    }

    /** The filter of {@code filter}'s selection and the text query {@code text} (none when empty). */
    public static SubscriptionFilter of(NoticeFilter filter, TextFilter text) {
        return new SubscriptionFilter(filter.platforms(), Stream.concat(filter.ruleKeys().stream(), filter.instruments().stream()).toList(),
                filter.authorities(), filter.types(), filter.jurisdictions(), filter.proceedings(),
                filter.from() == null ? null : filter.from().toString(), filter.to() == null ? null : filter.to().toString(), text.isEmpty() ? null : text.q());
    }

    /** The text query, parsed against today's catalog. */
    public TextFilter text(Catalog catalog, NoticelineConfig.Search limits) {
        return TextFilter.parse(q, catalog, limits);
    }

    /** The filter stored as {@code filterJson} of subscription {@code id}. */
    static SubscriptionFilter fromJson(ObjectMapper json, String id, String filterJson) {
        try {
            return json.readValue(filterJson, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("subscription " + id + " holds a filter that is not JSON", e);
        }
    }

    /** The same selection as a {@link NoticeFilter}, to confirm a candidate with {@link NoticeFilter#match}. */
    public NoticeFilter toNoticeFilter() {
        List<String> keys = rule.stream().filter(r -> r.contains(":")).toList();
        List<String> instruments = rule.stream().filter(r -> !r.contains(":")).toList();
        return new NoticeFilter(platform, keys, instruments, authority, type, jurisdiction, proceeding,
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), true, 1, null);
    }

    /** The filter as a reader would write it ({@code platform=x,tiktok rule=DSA:34}), or {@code every notice}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        List<List<String>> lists = List.of(platform, rule, authority, type, jurisdiction, proceeding);
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            if (!lists.get(i).isEmpty()) {
                parts.add(DIMENSIONS.get(i) + "=" + String.join(",", lists.get(i)));
            }
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (q != null) {
            parts.add("q=\"" + q + "\"");
        }
        return parts.isEmpty() ? "every notice" : String.join(" ", parts);
    }

    /** This filter's terms by dimension, {@value #ANY} where it has none. */
    Map<String, List<String>> terms() {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        List<List<String>> lists = List.of(platform, rule, authority, type, jurisdiction, proceeding);
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            terms.put(DIMENSIONS.get(i), lists.get(i).isEmpty() ? List.of(ANY) : lists.get(i));
        }
        return terms;
    }

    private static List<String> canonical(List<String> values) {
        return values == null ? List.of() : List.copyOf(new TreeSet<>(values));
    }
}
