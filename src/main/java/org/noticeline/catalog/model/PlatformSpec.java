package org.noticeline.catalog.model;

import java.util.List;

/**
 * A service notices concern ({@code x}, {@code tiktok}), the names it goes by and the provider that runs it.
 *
 * @param notNames   phrases that contain one of its names but do not mean it ("Threads of evidence")
 * @param commonWord true when its name is also an ordinary word ("Threads"), so that opening a sentence, where every
 *                   word is capitalised, the name counts only if the text names the platform elsewhere too
 */
public record PlatformSpec(String id, String name, List<String> aliases, String provider, List<DesignationSpec> designations,
                           List<String> notNames, Boolean commonWord) {
    public PlatformSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        designations = designations == null ? List.of() : List.copyOf(designations);
        notNames = notNames == null ? List.of() : List.copyOf(notNames);
        commonWord = Boolean.TRUE.equals(commonWord);
    }

    public PlatformSpec(String id, String name, List<String> aliases, String provider, List<DesignationSpec> designations) {
        this(id, name, aliases, provider, designations, List.of(), false);
    }
}
