package org.noticeline.linking;

/**
 * A provision cited in the text. {@code article} is the provision's number whatever the instrument's
 * unit ("section 10" gives "10"); {@code paragraph} and {@code point} are the first and second
 * parenthesised subdivisions as cited ("Article 35(1)(c)": 1 and c; "§ 230(c)(1)": c and 1).
 */
public record RuleMention(String key, String instrument, String article, String paragraph, String point,
                          String text, int start, int end) implements Mention {
}
