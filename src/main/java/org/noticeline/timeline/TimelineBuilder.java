package org.noticeline.timeline;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.notice.NoticeType;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.syndication.FeedLinks;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns filter parameters into a {@link Timeline}: a page of notices grouped by month, the SVG overview and the filter form. */
@ApplicationScoped
public class TimelineBuilder {

    /** How the SVG overview splits notices into lanes. */
    public enum Lanes { NONE, BY_PLATFORM, BY_PROCEEDING }

    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticelineConfig config;
    @Inject
    RecordMemo memo;
    @Inject
    LinkTally tally;

    /** What a page's timeline selects: the visitor's filters kept inside the page's scope (null: the whole record). */
    public NoticeFilter filter(NoticeFilterParams params, NoticeFilter scope) {
        NoticeFilter chosen = params.toFilter(catalogStore.catalog(), config);
        return scope == null ? chosen : chosen.within(scope);
    }

    public Timeline build(String path, NoticeFilterParams params, NoticeFilter scope, Lanes lanes) {
        Catalog catalog = catalogStore.catalog();
        NoticeFilter filter = filter(params, scope);
        NoticeQuery.Slice slice = NoticeQuery.run(filter);
        Map<String, List<TimelineItem>> byMonth = new LinkedHashMap<>();
        Map<String, Integer> years = new LinkedHashMap<>();
        for (Notice notice : slice.items()) {
            String label = notice.date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + notice.date.getYear();
            byMonth.computeIfAbsent(label, k -> new ArrayList<>()).add(item(notice, catalog));
            years.put(label, notice.date.getYear());
        }
        List<MonthGroup> months = byMonth.entrySet().stream()
                .map(e -> new MonthGroup(years.get(e.getKey()), e.getKey(), e.getValue())).toList();
        String query = params.filterQuery();
        String next = slice.next() == null ? null
                : path + "?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + slice.next().encode();
        TimelineOverview.Drawn overview = memo.get("overview " + lanes + " " + path + " " + RecordMemo.selection(filter),
                () -> TimelineOverview.of(filter, lanes, catalog, path, tally));
        return new Timeline(months, new RawString(overview.svg()), overview.legend(), overview.note(), form(path, params, catalog, query), next,
                slice.items().size(), FeedLinks.of(filter), subscribeHref(filter));
    }


    /** The sign-up page for what the timeline selects, its scope included, in the canonical spelling of the filters. */
    private static String subscribeHref(NoticeFilter filter) {
        String query = NoticeFilterParams.selecting(filter).filterQuery();
        return "/subscribe" + (query.isEmpty() ? "" : "?" + query);
    }

    static TimelineItem item(Notice notice, Catalog catalog) {
        return new TimelineItem(notice.slug, notice.title, notice.date, notice.type, notice.noticeType().label(),
                new Ref(notice.authority.id, notice.authority.name, "/authorities/" + notice.authority.id),
                notice.platformIds().stream().distinct()
                        .map(id -> new Ref(id, catalog.platform(id).map(p -> p.name()).orElse(id), "/platforms/" + id)).toList(),
                notice.ruleKeys().stream().distinct().map(TimelineBuilder::ruleRef).toList(),
                notice.summary, notice.withdrawn());
    }

    static Ref ruleRef(String key) {
        String[] parts = key.split(":", 2);
        return new Ref(key, key, "/rules/" + parts[0] + "/" + parts[1]);
    }

    private static FilterForm form(String path, NoticeFilterParams params, Catalog catalog, String query) {
        List<FilterForm.Option> platforms = catalog.platforms().stream()
                .map(p -> new FilterForm.Option(p.id(), p.name(), params.platform.contains(p.id()))).toList();
        List<FilterForm.Option> authorities = catalog.authorities().stream()
                .map(a -> new FilterForm.Option(a.id(), a.name(), params.authority.contains(a.id()))).toList();
        List<FilterForm.Option> types = java.util.Arrays.stream(NoticeType.values())
                .map(t -> new FilterForm.Option(t.id(), t.label(), params.type.contains(t.id()))).toList();
        List<FilterForm.Option> jurisdictions = catalog.authorities().stream().map(a -> a.jurisdiction()).distinct().sorted()
                .map(j -> new FilterForm.Option(j, j, params.jurisdiction.contains(j))).toList();
        return new FilterForm(path, platforms, authorities, types, jurisdictions, String.join(",", params.rule),
                params.firstFrom(), params.firstTo(), query);
    }
}
