package org.noticeline.security.ratelimit;

import java.util.Locale;
import java.util.Set;

/** The kinds of request that have buckets of their own: the expensive ones are limited more strictly than the rest. */
public enum RequestKind {
    GENERAL, SEARCH, EXTRACT, EXPORT, UPLOAD, SIGNUP;

    private static final Set<String> EXPORT_FORMATS = Set.of("csv", "jsonl", "csl-json", "bibtex");
    private static final Set<String> EXPORT_TYPES = Set.of("text/csv", "application/x-ndjson", "application/vnd.citationstyles.csl+json",
            "application/x-bibtex");

    /**
     * What a request is, from its method, path, {@code format} parameter, {@code Accept} header and whether it carries
     * a bearer token; null for what is never limited (health, metrics and the rest of {@code /q/}).
     */
    public static RequestKind of(String method, String path, String format, String accept, boolean bearer) {
        if (path.startsWith("/q/")) {
            return null;
        }
        boolean post = "POST".equalsIgnoreCase(method);
        if (path.equals("/api/search") || path.equals("/search")) {
            return SEARCH;
        }
        if (path.equals("/api/extract")) {
            return EXTRACT;
        }
        if (post && (path.equals("/subscribe") || (!bearer && path.equals("/api/subscriptions")))) {
            return SIGNUP;
        }
        if (post && (path.startsWith("/api/documents") || path.equals("/api/import"))) {
            return UPLOAD;
        }
        if (path.equals("/api/export") || asksForExport(format, accept)) {
            return EXPORT;
        }
        return GENERAL;
    }

    private static boolean asksForExport(String format, String accept) {
        if (format != null && EXPORT_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return EXPORT_TYPES.stream().anyMatch(lower::contains);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
