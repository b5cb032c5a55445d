package org.noticeline.timeline;

/** What some timeline pages show between their header and their timeline; each part null where a page has none. */
public record PageSections(CitationPanel citations, PlatformPanel platform) {

    public static final PageSections NONE = new PageSections(null, null);
}
