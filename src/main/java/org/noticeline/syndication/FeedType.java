package org.noticeline.syndication;

/** The two formats every feed comes in: Rome's name for each, its media type and the file name in {@code /feeds/}. */
public enum FeedType {
    ATOM("atom_1.0", "application/atom+xml", "notices.atom"),
    RSS("rss_2.0", "application/rss+xml", "notices.rss");

    final String wireType;
    final String mediaType;
    final String file;

    FeedType(String wireType, String mediaType, String file) {
        this.wireType = wireType;
        this.mediaType = mediaType;
        this.file = file;
    }

    String contentType() {
        return mediaType + ";charset=UTF-8";
    }
}
