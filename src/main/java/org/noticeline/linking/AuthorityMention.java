package org.noticeline.linking;

/** A regulator, court or legislature named in the text. */
public record AuthorityMention(String id, String name, String text, int start, int end) implements Mention {
}
