package org.noticeline.ingest.feed;

import org.noticeline.hash.Sha256;
import org.noticeline.notice.NoticeSnapshots;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry as a feed lists it. {@code problem} is set when the entry itself is unusable (no link, a
 * date that is not a date): it is then counted as failed, and the others go on.
 */
public record FeedEntry(String id, String title, String url, Instant published, String summary, String problem) {

    public static FeedEntry broken(String id, String problem) {
        return new FeedEntry(id, null, null, null, null, problem);
    }

    /** The id we key the entry by: the feed's id, else its link. */
    public String key() {
        return id != null && !id.isBlank() ? id.strip() : url;
    }

    /** Changes when anything the feed says about the entry changes. */
    public String hash() {
        return Sha256.hex(String.join("\n", Objects.toString(title, ""), Objects.toString(url, ""),
                Objects.toString(published, ""), Objects.toString(summary, "")));
    }
}
