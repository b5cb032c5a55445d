package org.noticeline.timeline;

import io.quarkus.qute.RawString;
import org.noticeline.research.KeyCount;

import java.util.List;

/**
 * The citation views of a rule page: notices per year (the chart, already escaped, and its numbers as rows), the
 * provisions most often cited with the rule, the platforms most often concerned, and curated related provisions.
 */
public record CitationPanel(RawString chart, List<KeyCount> years, List<Ranked> coCited, List<Ranked> platforms,
                            List<RelatedGroup> related) {

    /** A linked entry of a top list and how many notices it has. */
    public record Ranked(String label, String note, String href, long count) {
    }

    /** A curated group of related provisions, the page's own left out. */
    public record RelatedGroup(String name, String note, List<Ranked> provisions) {
    }
}
