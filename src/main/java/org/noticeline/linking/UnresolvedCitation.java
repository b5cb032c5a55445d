package org.noticeline.linking;

/** A provision cited without an instrument the engine can be sure of; reported rather than guessed. */
public record UnresolvedCitation(String text, String reason, int start, int end) implements Mention {
}
