package org.noticeline.notice;

import java.util.Set;

/**
 * The revisions an editor's change was based on ({@code If-Match} with the notice's ETag): the write goes
 * ahead only while the notice is still at one of them. {@code anyRevision} ({@code If-Match: *}) only asks that
 * the notice exist.
 */
public record IfMatch(Set<Integer> revisions, boolean anyRevision) {

    public IfMatch {
        revisions = Set.copyOf(revisions);
    }

    public boolean matches(Notice notice) {
        return notice != null && (anyRevision || revisions.contains(notice.revision));
    }

    public String expected() {
        return anyRevision ? "*" : revisions.toString();
    }
}
