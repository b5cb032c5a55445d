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

    /** The newest published notice of each proceeding (latest date, then latest id), in one query. */
    private static Map<String, Notice> lastSteps(List<String> proceedingIds) {
        Map<String, Notice> last = new HashMap<>();
        if (proceedingIds.isEmpty()) {
            return last;
        }
        List<Notice> newest = Notice.list("from Notice n where n.status = ?1 and n.proceeding.id in ?2 and n.date = "
                + "(select max(m.date) from Notice m where m.proceeding = n.proceeding and m.status = ?1)", NoticeStatus.PUBLISHED, proceedingIds);
        for (Notice notice : newest) {
            last.merge(notice.proceeding.id, notice, (a, b) -> a.id > b.id ? a : b);
        }
        return last;
    }
}
