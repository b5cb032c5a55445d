package org.noticeline.timeline;

import org.noticeline.notice.NoticeStatus;
import org.noticeline.domain.NotFoundException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.notice.StoredDocument;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.RuleLink;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.web.ProblemException;

import java.util.Comparator;
import java.util.List;

/** The page of one notice: metadata, body, linked rules and platforms, its proceeding's other notices, sources and revisions. */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
public class NoticePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(NoticePageView notice);

        static native TemplateInstance revision(RevisionPageView revision);
    }

    /** One revision of a notice and what it changed against the one before it. */
    public record RevisionPageView(String slug, String title, int number, String changedBy, java.time.Instant changedAt, String note,
                                   Integer previous, List<RevisionDiff.Line> diff) {
    }

    @Inject
    CatalogStore catalogStore;
    @Inject
    LinkerProvider linkers;
    @Inject
    Caller caller;

    @GET
    @Path("{slug}")
    @Transactional
    public TemplateInstance show(@RestPath String slug) {
        Notice notice = Notice.visibleTo(slug, caller.grants(Scope.INGEST));
        Catalog catalog = catalogStore.catalog();
        List<NoticePageView.PlatformRow> platforms = notice.platforms.stream()
                .map(p -> new NoticePageView.PlatformRow(p.platformId, catalog.platform(p.platformId).map(x -> x.name()).orElse(p.platformId),
                        "/platforms/" + p.platformId, p.origin.id()))
                .toList();
        List<NoticePageView.RuleRow> rules = notice.rules.stream()
                .sorted(Comparator.comparing((RuleLink r) -> r.instrumentCode).thenComparing(r -> sortable(r.provision)))
                .map(r -> ruleRow(r, catalog))
                .toList();
        List<TimelineItem> caseNotices = notice.proceeding == null ? List.of()
                : Notice.<Notice>list("proceeding = ?1 and status = ?2 order by date, id", notice.proceeding, NoticeStatus.PUBLISHED)
                        .stream().map(n -> TimelineBuilder.item(n, catalog)).toList();
        List<NoticePageView.RevisionRow> revisions = NoticeRevision.of(notice).stream()
                .map(r -> new NoticePageView.RevisionRow(r.number, r.changedBy, r.changedAt, r.note)).toList();
        NoticePageView view = new NoticePageView(notice.slug, notice.title, notice.date, notice.type, notice.noticeType().label(),
                new Ref(notice.authority.id, notice.authority.name, "/authorities/" + notice.authority.id), notice.jurisdiction,
                notice.summary, new RawString(CitationHighlighter.highlight(MarkdownRenderer.toSafeHtml(notice.body), linkers.current(),
                        notice.linkingContext())),
                platforms, rules,
                notice.proceeding == null ? null : new Ref(notice.proceeding.id, notice.proceeding.title, "/proceedings/" + notice.proceeding.id),
                caseNotices, List.copyOf(notice.sources), revisions, notice.status.id(), notice.withdrawnReason,
                StoredDocument.of(notice).stream().map(d -> new NoticePageView.DocumentRow(d.fileName, "/documents/" + d.sha256, d.mediaType, d.sizeBytes, d.pages)).toList());
        return Templates.notice(view);
    }

    @GET
    @Path("{slug}/revisions/{number}")
    @Transactional
    public TemplateInstance revision(@RestPath String slug, @RestPath int number) {
        Notice notice = Notice.visibleTo(slug, caller.grants(Scope.INGEST));
        List<NoticeRevision> revisions = NoticeRevision.of(notice);
        NoticeRevision shown = revisions.stream().filter(r -> r.number == number).findFirst()
                .orElseThrow(() -> new NotFoundException("revision", slug + "/" + number));
        NoticeRevision previous = revisions.stream().filter(r -> r.number < number).findFirst().orElse(null);
        List<RevisionDiff.Line> diff = RevisionDiff.between(
                previous == null ? null : NoticeSnapshots.fromJson(previous.snapshot), NoticeSnapshots.fromJson(shown.snapshot));
        return Templates.revision(new RevisionPageView(slug, notice.title, number, shown.changedBy, shown.changedAt, shown.note,
                previous == null ? null : previous.number, diff));
    }

    private static NoticePageView.RuleRow ruleRow(RuleLink link, Catalog catalog) {
        InstrumentSpec instrument = catalog.instrument(link.instrumentCode).orElse(null);
        String unit = instrument == null ? "article" : instrument.unit();
        String heading = instrument == null ? null : instrument.provision(link.provision).map(p -> p.heading()).orElse(null);
        return new NoticePageView.RuleRow(link.ruleKey, Formats.provisionLabel(unit, link.provision) + " " + link.instrumentCode,
                heading, "/rules/" + link.instrumentCode + "/" + link.provision, instrument == null ? null : instrument.link(),
                link.origin.id(), link.citedText);
    }

    /** Orders "9" before "28b" before "34". */
    private static String sortable(String provision) {
        String digits = provision.replaceAll("\\D.*$", "");
        return String.format("%08d%s", digits.isEmpty() ? 0 : Long.parseLong(digits), provision.substring(digits.length()));
    }
}
