package org.noticeline.syndication;

/**
 * The ids of what the feeds publish: {@code tag:} URIs (RFC 4151) under one fixed tagging entity, so that an entry
 * keeps its id whatever address the service is reached at (never the request's {@code Host}) and wherever it moves.
 */
final class TagUris {

    /** Ours since 2024; changing it would make every reader see every entry as new. */
    static final String AUTHORITY = "noticeline.org,2024";

    private TagUris() {
    }

    /** A notice's id: its slug, which never changes. */
    static String notice(String slug) {
        return "tag:" + AUTHORITY + ":notice/" + slug;
    }

    /** A feed's id: its canonical filter (the same for the Atom and the RSS of one selection). */
    static String feed(String canonicalQuery) {
        return "tag:" + AUTHORITY + ":feed/notices" + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery);
    }
}
