package org.noticeline.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A notice's link to a provision ({@code DSA:34}): {@code curated} or {@code detected} at the offsets of its first citation. */
@Embeddable
public class RuleLink {

    static final int MAX_CITED_TEXT = 300;

    @Column(name = "rule_key")
    public String ruleKey;
    @Column(name = "instrument_code")
    public String instrumentCode;
    public String provision;
    public LinkOrigin origin;
    @Column(name = "cited_text")
    public String citedText;
    @Column(name = "start_offset")
    public Integer start;
    @Column(name = "end_offset")
    public Integer end;

    protected RuleLink() {
    }

    public RuleLink(String instrumentCode, String provision, LinkOrigin origin, String citedText, Integer start, Integer end) {
        this.ruleKey = instrumentCode + ":" + provision;
        this.instrumentCode = instrumentCode;
        this.provision = provision;
        this.origin = origin;
        this.citedText = fitted(citedText);
        this.start = start;
        this.end = end;
    }

    /** Cited text as the column holds it: a longer citation keeps its start, and its offsets still say where it is. */
    static String fitted(String citedText) {
        return citedText == null || citedText.length() <= MAX_CITED_TEXT ? citedText : citedText.substring(0, MAX_CITED_TEXT);
    }
}
