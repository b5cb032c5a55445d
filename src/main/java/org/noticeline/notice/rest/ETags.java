package org.noticeline.notice.rest;

import jakarta.ws.rs.core.EntityTag;
import org.noticeline.notice.IfMatch;
import org.noticeline.notice.Notice;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A notice's entity tag is its revision number ({@code "3"}); {@code If-Match} names the revisions a change was based on. */
final class ETags {

    private static final Pattern TAG = Pattern.compile("\\s*\"(\\d{1,9})\"\\s*");

    private ETags() {
    }

    static EntityTag of(Notice notice) {
        return new EntityTag(String.valueOf(notice.revision));
    }

    /** The precondition of an {@code If-Match} header, or null without one. A tag that is no revision of ours matches none. */
    static IfMatch ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(Set.of(), true);
        }
        Set<Integer> revisions = new HashSet<>();
        for (String tag : header.split(",")) {
            Matcher m = TAG.matcher(tag);
            if (m.matches()) {
                revisions.add(Integer.parseInt(m.group(1)));
            }
        }
        return new IfMatch(revisions, false);
    }
}
