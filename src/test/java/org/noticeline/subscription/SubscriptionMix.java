package org.noticeline.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The benchmark's subscribers, drawn from the catalog and the corpus. The catalog is small (31 platforms, 17
 * authorities, 113 provisions), so among 100,000 subscribers most must follow something narrow, or every notice
 * would go to thousands: 30% follow one provision on one platform ("DSA:34 for X"), 53% one type of act under it
 * ("fines of X under DSA:34"); the rest an authority's acts on a provision or a platform, a type of act on a platform,
 * an instrument on a platform, a provision, a proceeding; a few hundred a whole platform, a jurisdiction's acts of one
 * type or a whole authority; a few dozen a whole instrument; ten everything. And 3% are search alerts ({@code q}), half
 * on their own and half narrowed to a platform. A term is
 * drawn a fifth of the time from a random corpus notice (what is in the news is followed more), otherwise uniformly
 * from the catalog.
 */
final class SubscriptionMix {

    /** What the benchmark draws terms from: the catalog's lists, and the corpus notices' terms by dimension. */
    record Terms(List<String> platforms, List<String> authorities, List<String> instruments, List<String> ruleKeys,
                 List<String> proceedings, List<String> types, List<String> jurisdictions, List<Map<String, List<String>>> notices) {
    }

    private record Kind(String name, double share, Function<Random, Map<String, List<String>>> filter) {
    }

    /**
     * What researchers and journalists set alerts for: phrases, words, alternatives, a field; two prefixes, which name
     * no whole word, so that those are tried on every notice.
     */
    private static final List<String> ALERTS = List.of("\"age verification\"", "\"data access\" researchers", "minors OR children",
            "\"recommender systems\"", "\"dark patterns\"", "\"risk assessment\" platform:x", "advertising transparency", "fine -appeal",
            "\"terrorist content\"", "election integrity", "\"content moderation\"", "verif*", "algorithm*");

    private final Terms terms;
    private final List<Kind> kinds = new ArrayList<>();

    SubscriptionMix(Terms terms) {
        this.terms = terms;
        kind("platform + provision", 30, r -> Map.of("platform", one(r, "platform", terms.platforms()), "rule", one(r, "rule", terms.ruleKeys())));
        kind("platform + provision + type", 49.86, r -> Map.of("platform", one(r, "platform", terms.platforms()), "rule", one(r, "rule", terms.ruleKeys()), "type", one(r, "type", terms.types())));
        kind("authority + provision", 5, r -> Map.of("authority", one(r, "authority", terms.authorities()), "rule", one(r, "rule", terms.ruleKeys())));
        kind("authority + platform", 4, r -> Map.of("authority", one(r, "authority", terms.authorities()), "platform", one(r, "platform", terms.platforms())));
        kind("platform + type", 3, r -> Map.of("platform", one(r, "platform", terms.platforms()), "type", one(r, "type", terms.types())));
        kind("platform + instrument", 2, r -> Map.of("platform", one(r, "platform", terms.platforms()), "rule", one(r, "instrument", terms.instruments())));
        kind("provision", 1.5, r -> Map.of("rule", one(r, "rule", terms.ruleKeys())));
        kind("proceeding", 1, r -> Map.of("proceeding", one(r, "proceeding", terms.proceedings())));
        kind("platform", 0.3, r -> Map.of("platform", one(r, "platform", terms.platforms())));
        kind("jurisdiction + type", 0.2, r -> Map.of("jurisdiction", one(r, "jurisdiction", terms.jurisdictions()), "type", one(r, "type", terms.types())));
        kind("authority", 0.1, r -> Map.of("authority", one(r, "authority", terms.authorities())));
        kind("instrument", 0.03, r -> Map.of("rule", one(r, "instrument", terms.instruments())));
        kind("search alert", 1.5, r -> Map.of("q", List.of(ALERTS.get(r.nextInt(ALERTS.size())))));
        kind("platform + search alert", 1.5, r -> Map.of("platform", one(r, "platform", terms.platforms()), "q", List.of(ALERTS.get(r.nextInt(ALERTS.size())))));
        kind("everything", 0.01, r -> Map.of());
    }

    /** The filter of subscriber {@code n} of {@code total}: kinds in their shares, terms drawn with {@code random}. */
    Map<String, List<String>> filter(int n, int total, Random random) {
        return kind(n, total).filter().apply(random);
    }

    /** The kind of subscriber {@code n} of {@code total}. */
    String kindOf(int n, int total) {
        return kind(n, total).name();
    }

    private Kind kind(int n, int total) {
        double at = 100.0 * n / total;
        double upTo = 0;
        for (Kind kind : kinds) {
            upTo += kind.share();
            if (at < upTo) {
                return kind;
            }
        }
        return kinds.get(kinds.size() - 1);
    }

    /** The mix as printed: each kind with its share. */
    Map<String, Double> shares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        kinds.forEach(k -> shares.put(k.name(), k.share()));
        return shares;
    }

    private void kind(String name, double share, Function<Random, Map<String, List<String>>> filter) {
        kinds.add(new Kind(name, share, filter));
    }

    private List<String> one(Random random, String dimension, List<String> catalog) {
        if (random.nextInt(5) == 0) {
            Map<String, List<String>> notice = terms.notices().get(random.nextInt(terms.notices().size()));
            List<String> inNews = notice.getOrDefault(dimension, List.of());
            if (!inNews.isEmpty()) {
                return List.of(inNews.get(random.nextInt(inNews.size())));
            }
        }
        return List.of(catalog.get(random.nextInt(catalog.size())));
    }
}
