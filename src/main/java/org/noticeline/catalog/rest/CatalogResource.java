package org.noticeline.catalog.rest;

import org.noticeline.catalog.Authority;
import org.noticeline.catalog.Instrument;
import org.noticeline.catalog.Platform;
import org.noticeline.catalog.Proceeding;

import org.noticeline.domain.NotFoundException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.catalog.CatalogViews.AuthorityView;
import org.noticeline.catalog.CatalogViews.InstrumentView;
import org.noticeline.catalog.CatalogViews.PlatformView;
import org.noticeline.catalog.CatalogViews.ProceedingView;
import org.noticeline.catalog.CatalogViews.RelatedGroupView;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;
import org.jboss.resteasy.reactive.RestQuery;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/** Read side of the catalog as JSON; a proceeding with its notices is {@code notice.rest.ProceedingResource}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class CatalogResource {

    @Inject
    CatalogStore catalogStore;

    @GET
    @Path("platforms")
    public List<PlatformView> platforms() {
        return Platform.listOrdered().stream().map(PlatformView::of).toList();
    }

    @GET
    @Path("platforms/{id}")
    public PlatformView platform(@RestPath String id) {
        return PlatformView.of(Platform.<Platform>findByIdOptional(id).orElseThrow(() -> new NotFoundException("platform", id)));
    }

    @GET
    @Path("instruments")
    public List<InstrumentView> instruments() {
        return Instrument.listOrdered().stream().map(i -> InstrumentView.of(i, false)).toList();
    }

    @GET
    @Path("instruments/{code}")
    public InstrumentView instrument(@RestPath String code) {
        Instrument instrument = Instrument.<Instrument>findByIdOptional(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("instrument", code));
        return InstrumentView.of(instrument, true);
    }

    @GET
    @Path("authorities")
    public List<AuthorityView> authorities() {
        return Authority.listOrdered().stream().map(AuthorityView::of).toList();
    }

    @GET
    @Path("authorities/{id}")
    public AuthorityView authority(@RestPath String id) {
        return AuthorityView.of(Authority.<Authority>findByIdOptional(id).orElseThrow(() -> new NotFoundException("authority", id)));
    }

    @GET
    @Path("proceedings")
    public List<ProceedingView> proceedings() {
        return Proceeding.listOrdered().stream().map(ProceedingView::of).toList();
    }

    /** The curated groups of related provisions ({@code notices/catalog/related.yaml}); with {@code rule}, those listing it. */
    @GET
    @Path("related")
    public List<RelatedGroupView> related(@RestQuery List<String> rule) {
        Catalog catalog = catalogStore.catalog();
        String value = QueryValues.single("rule", rule);
        if (QueryValues.blank(value)) {
            return catalog.related().stream().map(RelatedGroupView::of).toList();
        }
        String key = RuleKey.parse(value).map(RuleKey::toString).filter(catalog::hasRule)
                .orElseThrow(() -> ProblemException.badParameter("rule", "unknown rule '" + org.noticeline.domain.FieldError.excerpt(value) + "'; expected a key such as DSA:28"));
        return catalog.relatedGroups(key).stream().map(RelatedGroupView::of).toList();
    }
}
