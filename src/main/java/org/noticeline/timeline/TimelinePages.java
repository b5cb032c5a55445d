package org.noticeline.timeline;

import org.noticeline.domain.NotFoundException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.catalog.Aliases;
import org.noticeline.catalog.Authority;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.Instrument;
import org.noticeline.catalog.Platform;
import org.noticeline.catalog.Proceeding;
import org.noticeline.catalog.Provision;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.timeline.TimelineBuilder.Lanes;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The browsable timelines: all notices, and by platform, rule, authority and proceeding, with their index pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Transactional
public class TimelinePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(PageHeader header, PageSections sections, Timeline timeline);

        static native TemplateInstance index(PageHeader header, List<IndexEntry> entries);
    }

    @Inject
    TimelineBuilder builder;
    @Inject
    CatalogStore catalogStore;
    @Inject
    LinkCounts linkCounts;
    @Inject
    RecordMemo memo;

    @GET
    public TemplateInstance all(@BeanParam NoticeFilterParams params) {
        PageHeader header = PageHeader.of("Regulatory timeline",
                "Letters, requests for information, proceedings, findings, fines and judgments concerning online platforms, newest first.");
        return Templates.timeline(header, PageSections.NONE, builder.build("/", params, null, Lanes.NONE));
    }

    @GET
    @Path("platforms")
    public TemplateInstance platforms() {
        Map<String, Long> counts = linkCounts.byPlatform();
        List<IndexEntry> entries = Platform.listOrdered().stream()
                .map(p -> new IndexEntry(p.name, "/platforms/" + p.id, p.provider == null ? null : p.provider.name,
                        counts.getOrDefault(p.id, 0L)))
                .toList();
        return Templates.index(PageHeader.of("Platforms", "Every platform in the catalog and how many notices concern it."), entries);
    }

    @GET
    @Path("platforms/{id}")
    public TemplateInstance platform(@RestPath String id, @BeanParam NoticeFilterParams params) {
        Platform platform = Platform.<Platform>findByIdOptional(id).orElseThrow(() -> new NotFoundException("platform", id));
        List<PageHeader.Fact> facts = new ArrayList<>();
        if (platform.provider != null) {
            facts.add(new PageHeader.Fact("Provider", platform.provider.name, null));
        }
        if (!Aliases.split(platform.aliases).isEmpty()) {
            facts.add(new PageHeader.Fact("Also known as", String.join(", ", Aliases.split(platform.aliases)), null));
        }
        platform.designations.forEach(d -> facts.add(new PageHeader.Fact("Designation",
                d.kind + " under the " + d.instrumentCode + (d.since == null ? "" : " since " + Formats.longDate(d.since)),
                "/rules/" + d.instrumentCode)));
        PageHeader header = new PageHeader(platform.name, "Notices concerning " + platform.name + ", newest first.", facts, null);
        PageSections sections = new PageSections(null, PlatformPanels.of(platform, catalogStore.catalog()));
        return Templates.timeline(header, sections, builder.build("/platforms/" + id, params, NoticeFilter.ofPlatform(id), Lanes.BY_PROCEEDING));
    }

    @GET
    @Path("rules")
    public TemplateInstance rules() {
        Map<String, Long> counts = linkCounts.byInstrument();
        List<IndexEntry> entries = Instrument.listOrdered().stream()
                .map(i -> new IndexEntry(i.code + ": " + i.title, "/rules/" + i.code, i.officialNumber, counts.getOrDefault(i.code, 0L)))
                .toList();
        return Templates.index(PageHeader.of("Rules", "The instruments notices cite, from the Digital Services Act to Section 230."), entries);
    }

    @GET
    @Path("rules/{instrument}")
    public TemplateInstance instrument(@RestPath String instrument, @BeanParam NoticeFilterParams params) {
        Instrument found = findInstrument(instrument);
        Map<String, Long> counts = linkCounts.byRule(found.code);
        List<PageHeader.Fact> facts = new ArrayList<>();
        facts.add(new PageHeader.Fact("Official number", found.officialNumber, found.link));
        facts.add(new PageHeader.Fact("Jurisdiction", found.jurisdiction, null));
        for (Provision provision : found.provisions) {
            facts.add(new PageHeader.Fact(Formats.provisionLabel(found.unit, provision.number),
                    provision.heading + " (" + counts.getOrDefault(provision.ruleKey(), 0L) + " notices)",
                    "/rules/" + found.code + "/" + provision.number));
        }
        PageHeader header = new PageHeader(found.code + ": " + found.title, "Notices citing the " + found.title + ".", facts, found.link);
        NoticeFilter scope = NoticeFilter.ofInstrument(found.code);
        NoticeFilter selected = builder.filter(params, scope);
        PageSections sections = new PageSections(memo.get("instrument panel " + found.code + " " + RecordMemo.selection(selected),
                () -> CitationPanels.ofInstrument(selected, found.code, catalogStore.catalog(), linkCounts)), null);
        return Templates.timeline(header, sections, builder.build("/rules/" + found.code, params, scope, Lanes.BY_PLATFORM));
    }

    @GET
    @Path("rules/{instrument}/{article}")
    public TemplateInstance rule(@RestPath String instrument, @RestPath String article, @BeanParam NoticeFilterParams params) {
        Instrument found = findInstrument(instrument);
        InstrumentSpec spec = new InstrumentSpec(found.code, found.title, found.officialNumber, found.jurisdiction, found.link,
                found.unit, found.numbering, List.of(), List.of());
        Provision provision = found.provisions.stream().filter(p -> p.number.equalsIgnoreCase(article)).findFirst().orElse(null);
        if (provision == null && !spec.hasProvision(article)) {
            throw new NotFoundException("rule", found.code + ":" + article);
        }
        String number = provision == null ? article : provision.number;
        String key = new RuleKey(found.code, number).toString();
        String label = Formats.provisionLabel(found.unit, number) + " " + found.code;
        List<PageHeader.Fact> facts = List.of(
                new PageHeader.Fact("Heading", provision == null ? "(not curated)" : provision.heading, null),
                new PageHeader.Fact("Instrument", found.title + " (" + found.officialNumber + ")", "/rules/" + found.code),
                new PageHeader.Fact("Rule key", key, null));
        PageHeader header = new PageHeader(label, "Notices citing " + label + ", curated or detected in their text.", facts, found.link);
        NoticeFilter scope = NoticeFilter.ofRule(key);
        NoticeFilter selected = builder.filter(params, scope);
        PageSections sections = new PageSections(memo.get("rule panel " + key + " " + RecordMemo.selection(selected),
                () -> CitationPanels.ofRule(selected, key, catalogStore.catalog(), linkCounts)), null);
        return Templates.timeline(header, sections, builder.build("/rules/" + found.code + "/" + number, params, scope, Lanes.BY_PLATFORM));
    }

    @GET
    @Path("authorities")
    public TemplateInstance authorities() {
        Map<String, Long> counts = linkCounts.byAuthority();
        List<IndexEntry> entries = Authority.listOrdered().stream()
                .map(a -> new IndexEntry(a.name, "/authorities/" + a.id, a.jurisdiction, counts.getOrDefault(a.id, 0L)))
                .toList();
        return Templates.index(PageHeader.of("Authorities", "Regulators, courts and legislatures that issue notices."), entries);
    }

    @GET
    @Path("authorities/{id}")
    public TemplateInstance authority(@RestPath String id, @BeanParam NoticeFilterParams params) {
        Authority authority = Authority.<Authority>findByIdOptional(id).orElseThrow(() -> new NotFoundException("authority", id));
        List<PageHeader.Fact> facts = List.of(new PageHeader.Fact("Jurisdiction", authority.jurisdiction, null));
        PageHeader header = new PageHeader(authority.name, "Notices issued by " + authority.name + ".", facts, authority.url);
        return Templates.timeline(header, PageSections.NONE, builder.build("/authorities/" + id, params, NoticeFilter.ofAuthority(id), Lanes.BY_PLATFORM));
    }

    @GET
    @Path("proceedings")
    public TemplateInstance proceedings() {
        Map<String, Long> counts = linkCounts.byProceeding();
        List<IndexEntry> entries = Proceeding.listOrdered().stream()
                .map(p -> new IndexEntry(p.title, "/proceedings/" + p.id,
                        p.authority.name + (p.opened == null ? "" : ", opened " + Formats.longDate(p.opened)) + (p.status == null ? "" : ", " + p.status),
                        counts.getOrDefault(p.id, 0L)))
                .toList();
        return Templates.index(PageHeader.of("Proceedings", "Cases, each with its requests, openings, findings and decisions in order."), entries);
    }

    @GET
    @Path("proceedings/{id}")
    public TemplateInstance proceeding(@RestPath String id, @BeanParam NoticeFilterParams params) {
        Proceeding proceeding = Proceeding.<Proceeding>findByIdOptional(id).orElseThrow(() -> new NotFoundException("proceeding", id));
        List<PageHeader.Fact> facts = new ArrayList<>();
        facts.add(new PageHeader.Fact("Authority", proceeding.authority.name, "/authorities/" + proceeding.authority.id));
        if (proceeding.instrumentCode != null) {
            facts.add(new PageHeader.Fact("Instrument", proceeding.instrumentCode, "/rules/" + proceeding.instrumentCode));
        }
        if (proceeding.opened != null) {
            facts.add(new PageHeader.Fact("Opened", Formats.longDate(proceeding.opened), null));
        }
        if (proceeding.status != null) {
            facts.add(new PageHeader.Fact("Status", proceeding.status, null));
        }
        proceeding.platforms.forEach(p -> facts.add(new PageHeader.Fact("Platform", p.name, "/platforms/" + p.id)));
        PageHeader header = new PageHeader(proceeding.title, proceeding.summary, facts, null);
        return Templates.timeline(header, PageSections.NONE, builder.build("/proceedings/" + id, params, NoticeFilter.ofProceeding(id), Lanes.BY_PLATFORM));
    }

    private static Instrument findInstrument(String code) {
        return Instrument.<Instrument>findByIdOptional(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("instrument", code));
    }
}
