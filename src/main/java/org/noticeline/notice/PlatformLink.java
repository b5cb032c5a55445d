package org.noticeline.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A notice's link to a platform: {@code curated} (front matter) or {@code detected} (found in the body at the offsets). */
@Embeddable
public class PlatformLink {

    @Column(name = "platform_id")
    public String platformId;
    public LinkOrigin origin;
    @Column(name = "cited_text")
    public String citedText;
    @Column(name = "start_offset")
    public Integer start;
    @Column(name = "end_offset")
    public Integer end;

    protected PlatformLink() {
    }

    public PlatformLink(String platformId, LinkOrigin origin, String citedText, Integer start, Integer end) {
        this.platformId = platformId;
        this.origin = origin;
        this.citedText = RuleLink.fitted(citedText);
        this.start = start;
        this.end = end;
    }
}
