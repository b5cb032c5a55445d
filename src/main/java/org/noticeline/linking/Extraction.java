package org.noticeline.linking;

import java.util.List;

/** Everything the engine found in one text, each list sorted by position. */
public record Extraction(List<RuleMention> rules, List<PlatformMention> platforms, List<ProviderMention> providers,
                         List<AuthorityMention> authorities, List<DateMention> dates,
                         List<UnresolvedCitation> unresolved) {

    public Extraction {
        rules = sorted(rules);
        platforms = sorted(platforms);
        providers = sorted(providers);
        authorities = sorted(authorities);
        dates = sorted(dates);
        unresolved = sorted(unresolved);
    }

    /** The distinct rule keys and platform ids, for storing as detected links. */
    public DetectedLinks links() {
        return new DetectedLinks(
                rules.stream().map(RuleMention::key).distinct().toList(),
                platforms.stream().map(PlatformMention::id).distinct().toList());
    }

    private static <T extends Mention> List<T> sorted(List<T> mentions) {
        return mentions.stream().sorted(Mention.BY_POSITION).toList();
    }
}
