package org.noticeline.linking;

/** A platform named in the text, by its name or an alias ("Twitter" is {@code x}). */
public record PlatformMention(String id, String name, String text, int start, int end) implements Mention {
}
