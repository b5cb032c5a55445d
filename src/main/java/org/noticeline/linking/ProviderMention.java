package org.noticeline.linking;

/** A company named on its own ("Meta", "Alphabet"): the provider, not every platform it runs. */
public record ProviderMention(String id, String name, String text, int start, int end) implements Mention {
}
