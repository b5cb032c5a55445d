package org.noticeline.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A notice's link to a provision ({@code DSA:34}): {@code curated} or {@code detected} at the offsets of its first citation. */
@Embeddable
public class RuleLink {

    @Column(name = "rule_key")
    public String ruleKey;
    @Column(name = "instrument_code")
    public String instrumentCode;
    public String provision;
    public String origin;
    @Column(name = "cited_text")
    public String citedText;
    @Column(name = "start_offset")
    public Integer start;
    @Column(name = "end_offset")
    public Integer end;

    protected RuleLink() {
    }

    public RuleLink(String instrumentCode, String provision, String origin, String citedText, Integer start, Integer end) {
        this.ruleKey = instrumentCode + ":" + provision;
        this.instrumentCode = instrumentCode;
        this.provision = provision;
        this.origin = origin;
        this.citedText = citedText;
        this.start = start;
        this.end = end;
    }
}
