package org.noticeline.linking;

import java.util.List;

/**
 * What is known about a document besides its text: its jurisdiction ("UK"), the authority that issued it
 * ({@code ofcom}) and the instruments its curator linked it to. Each may settle a name or a citation the text leaves
 * open ("Online Safety Act" in an Ofcom notice); none is needed. Unknown values settle nothing.
 */
public record LinkingContext(String jurisdiction, String authority, List<String> instruments) {

    public static final LinkingContext NONE = new LinkingContext(null, null, List.of());

    public LinkingContext {
        jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        authority = authority == null || authority.isBlank() ? null : authority.strip();
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
    }
}
