package org.noticeline.timeline;

import org.noticeline.catalog.Platform;
import org.noticeline.catalog.Proceeding;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeStatus;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a platform's {@link PlatformPanel}: a handful of designations and cases, so a few small queries. */
final class PlatformPanels {

    private PlatformPanels() {
    }

    static PlatformPanel of(Platform platform, Catalog catalog) {
        // Undated designations (none in the catalog today) go first: they are known to hold, not from when.
        List<PlatformPanel.DesignationRow> designations = platform.designations.stream()
                .sorted(Comparator.comparing((org.noticeline.catalog.Designation d) -> d.since, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(d -> d.instrumentCode))
                .map(d -> new PlatformPanel.DesignationRow(d.kind, d.instrumentCode, "/rules/" + d.instrumentCode, d.since))
                .toList();
        List<Proceeding> proceedings = Proceeding.list("select p from Proceeding p join p.platforms pl where pl.id = ?1 order by p.opened desc, p.id",
                platform.id);
        Map<String, Notice> last = lastSteps(proceedings.stream().map(p -> p.id).toList());
        List<PlatformPanel.ProceedingRow> rows = proceedings.stream()
                .map(p -> new PlatformPanel.ProceedingRow(p.title, "/proceedings/" + p.id, p.authority.name, p.opened, p.status,
                        last.containsKey(p.id) ? TimelineBuilder.item(last.get(p.id), catalog) : null))
                .toList();
        return new PlatformPanel(designations, rows);
    }

    /**
     * The newest published notice of each proceeding (latest date, then latest id): one read along the
     * (proceeding, date) index each, where one query with a correlated {@code max} read every notice of every case.
     */
    private static Map<String, Notice> lastSteps(List<String> proceedingIds) {
        Map<String, Notice> last = new HashMap<>();
        for (String id : proceedingIds) {
            Notice.<Notice>find("from Notice n where n.status = ?1 and n.proceeding.id = ?2 order by n.date desc, n.id desc",
                    NoticeStatus.PUBLISHED, id).range(0, 0).firstResultOptional().ifPresent(n -> last.put(id, n));
        }
        return last;
    }
}
