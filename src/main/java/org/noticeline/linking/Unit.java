package org.noticeline.linking;

/**
 * What a citation's marker says it cites: "Article 34" an article, "s. 10" or "§ 230" a section,
 * "Part 312" a part. Recitals are parsed so that their numbers are never taken for provisions.
 */
enum Unit {
    ARTICLE, SECTION, PART, RECITAL,
    /** A number cited straight after a codified title ("15 U.S.C. 45"): the title's own unit. */
    ANY;

    /** How citations of an instrument numbered by {@code instrumentUnit} are marked; null when not known. */
    static Unit of(String instrumentUnit) {
        return instrumentUnit == null ? null : switch (instrumentUnit) {
            case "article" -> ARTICLE;
            case "section" -> SECTION;
            case "part" -> PART;
            default -> null;
        };
    }

    /** True when an instrument numbered by {@code instrumentUnit} (catalog {@code unit}) can be cited this way. */
    boolean fits(String instrumentUnit) {
        return switch (this) {
            case ARTICLE -> "article".equals(instrumentUnit);
            case SECTION -> "section".equals(instrumentUnit) || "part".equals(instrumentUnit);
            case PART -> "part".equals(instrumentUnit);
            case RECITAL -> "article".equals(instrumentUnit);
            case ANY -> true;
        };
    }
}
