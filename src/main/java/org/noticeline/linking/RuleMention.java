package org.noticeline.linking;

/**
 * A provision cited in the text. {@code article} is the provision's number whatever the instrument's
 * unit ("section 10" gives "10"); {@code paragraph} and {@code point} are the first and second
 * parenthesised subdivisions as cited ("Article 35(1)(c)": 1 and c; "§ 230(c)(1)": c and 1);
 * {@code resolvedBy} says how its instrument was decided.
 */
public record RuleMention(String key, String instrument, String article, String paragraph, String point,
                          String text, int start, int end, ResolvedBy resolvedBy) implements Mention {

    /** A provision whose instrument is named in its own sentence. */
    public RuleMention(String key, String instrument, String article, String paragraph, String point,
                       String text, int start, int end) {
        this(key, instrument, article, paragraph, point, text, start, end, ResolvedBy.SENTENCE);
    }
}
