package org.noticeline.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of regulatory act a notice records; {@link #id()} is the kebab-case name used in files, URLs and JSON. */
public enum NoticeType {
    DESIGNATION("Designation"),
    REQUEST_FOR_INFORMATION("Request for information"),
    LETTER("Letter"),
    OPENING_OF_PROCEEDINGS("Opening of proceedings"),
    PRELIMINARY_FINDINGS("Preliminary findings"),
    COMMITMENTS("Commitments"),
    DECISION("Decision"),
    FINE("Fine"),
    RETENTION_ORDER("Retention order"),
    INTERIM_MEASURES("Interim measures"),
    JUDGMENT("Judgment"),
    ORDER("Order"),
    STATUTE("Statute"),
    GUIDANCE("Guidance"),
    CONSULTATION("Consultation"),
    PRESS_RELEASE("Press release"),
    REPORT("Report"),
    OTHER("Other");

    private final String label;

    NoticeType(String label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public String label() {
        return label;
    }

    public static Optional<NoticeType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(NoticeType::id).toList();
    }
}
