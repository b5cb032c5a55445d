package org.noticeline.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The benchmark's subscribers, drawn from the catalog and the corpus: most follow a platform with one provision or
 * one type of act, an authority on a platform, or a single provision; fewer follow a whole platform, an authority, a
 * proceeding or an instrument; a handful follow everything. A term is drawn half the time from a random corpus
 * notice (people follow what is in the news: popular platforms and articles are followed more), half the time
 * uniformly from the catalog.
 */
final class SubscriptionMix {

    /** What the benchmark draws terms from: the catalog's lists, and the corpus notices' terms by dimension. */
    record Terms(List<String> platforms, List<String> authorities, List<String> instruments, List<String> ruleKeys,
                 List<String> proceedings, List<String> types, List<String> jurisdictions, List<Map<String, List<String>>> notices) {
    }

    private record Kind(String name, double share, Function<Random, Map<String, List<String>>> filter) {
    }

    private final Terms terms;
    private final List<Kind> kinds = new ArrayList<>();

    SubscriptionMix(Terms terms) {
        this.terms = terms;
        kind("platform + provision", 30, r -> Map.of("platform", one(r, "platform", terms.platforms()), "rule", one(r, "rule", terms.ruleKeys())));
        kind("platform + type", 15, r -> Map.of("platform", one(r, "platform", terms.platforms()), "type", one(r, "type", terms.types())));
        kind("authority + platform", 10, r -> Map.of("authority", one(r, "authority", terms.authorities()), "platform", one(r, "platform", terms.platforms())));
        kind("authority + provision", 8, r -> Map.of("authority", one(r, "authority", terms.authorities()), "rule", one(r, "rule", terms.ruleKeys())));
        kind("provision", 10, r -> Map.of("rule", one(r, "rule", terms.ruleKeys())));
        kind("platform + instrument", 6, r -> Map.of("platform", one(r, "platform", terms.platforms()), "rule", one(r, "instrument", terms.instruments())));
        kind("platform", 6, r -> Map.of("platform", one(r, "platform", terms.platforms())));
        kind("proceeding", 6, r -> Map.of("proceeding", one(r, "proceeding", terms.proceedings())));
        kind("authority", 3, r -> Map.of("authority", one(r, "authority", terms.authorities())));
        kind("jurisdiction + type", 4.5, r -> Map.of("jurisdiction", one(r, "jurisdiction", terms.jurisdictions()), "type", one(r, "type", terms.types())));
        kind("instrument", 1.45, r -> Map.of("rule", one(r, "instrument", terms.instruments())));
        kind("everything", 0.05, r -> Map.of());
    }

    /** The filter of subscriber {@code n} of {@code total}: kinds in their shares, terms drawn with {@code random}. */
    Map<String, List<String>> filter(int n, int total, Random random) {
        double at = 100.0 * n / total;
        double upTo = 0;
        for (Kind kind : kinds) {
            upTo += kind.share();
            if (at < upTo) {
                return kind.filter().apply(random);
            }
        }
        return kinds.get(0).filter().apply(random);
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
        if (random.nextBoolean()) {
            Map<String, List<String>> notice = terms.notices().get(random.nextInt(terms.notices().size()));
            List<String> inNews = notice.getOrDefault(dimension, List.of());
            if (!inNews.isEmpty()) {
                return List.of(inNews.get(random.nextInt(inNews.size())));
            }
        }
        return List.of(catalog.get(random.nextInt(catalog.size())));
    }
}
