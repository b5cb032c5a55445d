package org.noticeline.ingest.feed;

import java.util.Arrays;
import java.util.Optional;

/** What a source serves: Atom or RSS (both read with Rome) or our JSON list of entries. */
public enum FeedFormat {
    ATOM("application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"),
    RSS("application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"),
    JSON("application/json, */*;q=0.5");

    private final String accept;

    FeedFormat(String accept) {
        this.accept = accept;
    }

    public String id() {
        return name().toLowerCase();
    }

    /** The {@code Accept} header sent when polling. */
    public String accept() {
        return accept;
    }

    public static Optional<FeedFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
