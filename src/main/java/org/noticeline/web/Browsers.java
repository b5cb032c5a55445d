package org.noticeline.web;

import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Telling browsers from API clients: a browser asks for HTML by name, a script for JSON or anything. */
public final class Browsers {

    private Browsers() {
    }

    public static boolean asksForHtml(List<MediaType> acceptable) {
        return acceptable.stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }
}
