package org.noticeline.catalog;

import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the catalog; the API contract does not move when a column does. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record ProviderView(String id, String name) {
    }

    public record DesignationView(String instrument, String kind, LocalDate since) {
    }

    public record PlatformView(String id, String name, List<String> aliases, ProviderView provider, List<DesignationView> designations) {
        public static PlatformView of(Platform p) {
            return new PlatformView(p.id, p.name, Aliases.split(p.aliases),
                    p.provider == null ? null : new ProviderView(p.provider.id, p.provider.name),
                    p.designations.stream().map(d -> new DesignationView(d.instrumentCode, d.kind, d.since)).toList());
        }
    }

    public record ProvisionView(String key, String number, String heading) {
        static ProvisionView of(Provision p) {
            return new ProvisionView(p.ruleKey(), p.number, p.heading);
        }
    }

    /** {@code provisions} is null in lists and filled for one instrument. */
    public record InstrumentView(String code, String title, String number, String jurisdiction, String link, String unit,
                                 String numbering, List<String> aliases, List<ProvisionView> provisions) {
        public static InstrumentView of(Instrument i, boolean withProvisions) {
            return new InstrumentView(i.code, i.title, i.officialNumber, i.jurisdiction, i.link, i.unit, i.numbering,
                    Aliases.split(i.aliases), withProvisions ? i.provisions.stream().map(ProvisionView::of).toList() : null);
        }
    }

    public record AuthorityView(String id, String name, String jurisdiction, String url, List<String> aliases) {
        public static AuthorityView of(Authority a) {
            return new AuthorityView(a.id, a.name, a.jurisdiction, a.url, Aliases.split(a.aliases));
        }
    }

    /** A case as lists show it; {@code /api/proceedings/{id}} adds its notices. */
    public record ProceedingView(String id, String title, String authority, List<String> platforms, String instrument,
                                 LocalDate opened, String status, String summary) {
        public static ProceedingView of(Proceeding p) {
            return new ProceedingView(p.id, p.title, p.authority.id, p.platforms.stream().map(pl -> pl.id).toList(),
                    p.instrumentCode, p.opened, p.status, p.summary);
        }
    }

    /** A curated group of related provisions: {@code provisions} are rule keys, in the curator's order. */
    public record RelatedGroupView(String id, String name, String note, List<String> provisions) {
        public static RelatedGroupView of(org.noticeline.catalog.model.RelatedGroupSpec g) {
            return new RelatedGroupView(g.id(), g.name(), g.note(), g.provisions());
        }
    }
}
