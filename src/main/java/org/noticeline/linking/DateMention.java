package org.noticeline.linking;

/** A calendar date written out in the text, with {@code date} as ISO {@code YYYY-MM-DD}. */
public record DateMention(String date, String text, int start, int end) implements Mention {
}
