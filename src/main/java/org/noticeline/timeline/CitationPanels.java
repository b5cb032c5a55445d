package org.noticeline.timeline;

import io.quarkus.qute.RawString;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.ProvisionSpec;
import org.noticeline.catalog.model.RelatedGroupSpec;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.research.Citations;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds the {@link CitationPanel} of a provision's or an instrument's page from the counts and the catalog. */
final class CitationPanels {

    private CitationPanels() {
    }

    /** {@code filter} is the page's timeline selection; platform links keep the rule, so they open what was counted. */
    static CitationPanel ofRule(NoticeFilter filter, String key, Catalog catalog, LinkCounts counts) {
        List<RelatedGroupSpec> groups = catalog.relatedGroups(key);
        return panel(Citations.ofRule(filter, key), key, groups, other -> !other.equals(key), catalog, counts);
    }

    /** The related groups shown are those of any of the instrument's provisions, with its own provisions left out. */
    static CitationPanel ofInstrument(NoticeFilter filter, String code, Catalog catalog, LinkCounts counts) {
        Predicate<String> elsewhere = other -> !other.startsWith(code + ":");
        List<RelatedGroupSpec> groups = catalog.related().stream()
                .filter(g -> g.provisions().stream().anyMatch(elsewhere.negate())).toList();
        return panel(Citations.ofInstrument(filter, code, counts.tally()), code, groups, elsewhere, catalog, counts);
    }

    private static CitationPanel panel(Citations citations, String rule, List<RelatedGroupSpec> groups, Predicate<String> shown,
                                       Catalog catalog, LinkCounts counts) {
        List<CitationPanel.Ranked> coCited = citations.coCited().stream()
                .map(c -> provision(c.key(), c.count(), catalog)).toList();
        List<CitationPanel.Ranked> platforms = citations.platforms().stream()
                .map(p -> new CitationPanel.Ranked(catalog.platform(p.key()).map(s -> s.name()).orElse(p.key()), null,
                        "/platforms/" + p.key() + "?rule=" + rule, p.count()))
                .toList();
        List<String> relatedKeys = groups.stream().flatMap(g -> g.provisions().stream()).filter(shown).distinct().toList();
        Map<String, Long> cited = counts.ofRules(relatedKeys);
        List<CitationPanel.RelatedGroup> related = groups.stream()
                .map(g -> new CitationPanel.RelatedGroup(g.name(), g.note(), g.provisions().stream().filter(shown)
                        .map(k -> provision(k, cited.getOrDefault(k, 0L), catalog)).toList()))
                .filter(g -> !g.provisions().isEmpty())
                .toList();
        return new CitationPanel(new RawString(YearChart.render(citations.years())), citations.years(), coCited, platforms, related);
    }

    /** "Article 35 DSA", its heading where curated, and its page. */
    private static CitationPanel.Ranked provision(String key, long count, Catalog catalog) {
        RuleKey rule = RuleKey.parse(key).orElseThrow();
        InstrumentSpec instrument = catalog.instrument(rule.instrument()).orElse(null);
        String label = Formats.provisionLabel(instrument == null ? null : instrument.unit(), rule.provision()) + " " + rule.instrument();
        String heading = instrument == null ? null : instrument.provision(rule.provision()).map(ProvisionSpec::heading).orElse(null);
        return new CitationPanel.Ranked(label, heading, TimelineBuilder.ruleRef(key).href(), count);
    }
}
