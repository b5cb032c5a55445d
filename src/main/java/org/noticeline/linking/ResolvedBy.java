package org.noticeline.linking;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a rule mention's instrument was decided: named in the citation's own sentence, through a term the document
 * defined ("the Online Safety Act 2023 ("the Act")"), or by the document as a whole (the one instrument it is about,
 * a generic name such as "the Regulation" for the one regulation it names, a shared name its jurisdiction settles).
 */
public enum ResolvedBy {
    SENTENCE, DEFINITION, DOCUMENT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
