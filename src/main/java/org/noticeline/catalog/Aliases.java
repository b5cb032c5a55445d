package org.noticeline.catalog;

import java.util.Arrays;
import java.util.List;

/** Aliases are kept as newline-separated text: read whole, never queried one by one. */
public final class Aliases {

    private Aliases() {
    }

    public static String join(List<String> aliases) {
        return aliases == null || aliases.isEmpty() ? null : String.join("\n", aliases);
    }

    public static List<String> split(String aliases) {
        return aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split("\n"));
    }
}
