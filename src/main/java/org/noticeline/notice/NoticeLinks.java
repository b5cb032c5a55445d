package org.noticeline.notice;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.linking.Extraction;
import org.noticeline.linking.Linker;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.linking.LinkingContext;
import org.noticeline.linking.PlatformMention;
import org.noticeline.linking.RuleMention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notice's links: curated from its content, plus what the linking engine detects in the body. Curated always
 * wins; a detected mention of a curated link still lends it the offsets of its first citation.
 */
final class NoticeLinks {

    private NoticeLinks() {
    }

    static void apply(NoticeContent content, Notice notice, LinkerProvider.Built linking) {
        Catalog catalog = linking.catalog();
        Extraction found = linking.linker().extract(content.body(), context(content));
        Map<String, PlatformMention> firstPlatform = new LinkedHashMap<>();
        found.platforms().forEach(m -> firstPlatform.putIfAbsent(m.id(), m));
        Map<String, RuleMention> firstRule = new LinkedHashMap<>();
        found.rules().stream().filter(m -> catalog.hasRule(m.key())).forEach(m -> firstRule.putIfAbsent(m.key(), m));

        notice.platforms.clear();
        for (String id : content.platforms()) {
            PlatformMention m = firstPlatform.remove(id);
            notice.platforms.add(new PlatformLink(id, LinkOrigin.CURATED, m == null ? null : m.text(), m == null ? null : m.start(), m == null ? null : m.end()));
        }
        firstPlatform.values().forEach(m -> notice.platforms.add(new PlatformLink(m.id(), LinkOrigin.DETECTED, m.text(), m.start(), m.end())));

        notice.rules.clear();
        for (RuleKey key : content.rules().stream().map(k -> RuleKey.parse(k).orElseThrow()).distinct().toList()) {
            RuleMention m = firstRule.remove(key.toString());
            notice.rules.add(new RuleLink(key.instrument(), key.provision(), LinkOrigin.CURATED, m == null ? null : m.text(),
                    m == null ? null : m.start(), m == null ? null : m.end()));
        }
        firstRule.values().forEach(m -> notice.rules.add(new RuleLink(m.instrument(), m.article(), LinkOrigin.DETECTED, m.text(), m.start(), m.end())));
        notice.linksCatalog = linking.catalogHash();
        notice.linksEngine = Linker.ENGINE_VERSION;
    }

    /** What the notice's metadata says about its text: its jurisdiction, authority and the instruments it is curated to. */
    static LinkingContext context(NoticeContent content) {
        return new LinkingContext(content.jurisdiction(), content.authority(),
                content.rules().stream().flatMap(k -> RuleKey.parse(k).stream()).map(RuleKey::instrument).distinct().toList());
    }

    /** True when the notice's links came from this catalog and this engine. */
    static boolean current(Notice notice, LinkerProvider.Built linking) {
        return linking.catalogHash().equals(notice.linksCatalog) && notice.linksEngine != null && notice.linksEngine == Linker.ENGINE_VERSION;
    }

    /**
     * The links in a comparable form: equal signatures link alike, offsets and cited text included. Sorted, since the
     * database keeps no order among a notice's links.
     */
    static String signature(Notice notice) {
        return java.util.stream.Stream.concat(
                notice.platforms.stream().map(p -> "platform|" + p.platformId + '|' + p.origin + '|' + p.citedText + '|' + p.start + '|' + p.end),
                notice.rules.stream().map(r -> "rule|" + r.ruleKey + '|' + r.origin + '|' + r.citedText + '|' + r.start + '|' + r.end))
                .sorted().collect(java.util.stream.Collectors.joining("\n"));
    }
}
