package org.noticeline.search;

import java.util.List;

/** The index's field names: analysed text, exact keys (as the timeline filters name them) and the stored item. */
final class SearchFields {

    /** The notice's slug: the key a change replaces or deletes the notice's document by. */
    static final String SLUG = "slug";
    /** The notice's id, as doc values: the tie-break of every sort, so pages never overlap. */
    static final String ID = "id";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final List<String> TEXT = List.of(TITLE, SUMMARY, BODY);
    static final String PLATFORM = "platform";
    static final String RULE = "rule";
    static final String INSTRUMENT = "instrument";
    static final String AUTHORITY = "authority";
    static final String TYPE = "type";
    static final String JURISDICTION = "jurisdiction";
    static final String PROCEEDING = "proceeding";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    /** Days since 1970 (a point for ranges, doc values for sorting). */
    static final String DATE = "date";
    static final String YEAR = "year";
    /** When the notice last changed here (epoch milliseconds, doc values): the order of a feed of a search. */
    static final String CHANGED = "changed";
    /** The /api/notices item of the notice as JSON, so a search answers without the database. */
    static final String VIEW = "view";

    /** The facets every answer counts, in the order the contract lists them. */
    static final List<String> FACETS = List.of(PLATFORM, RULE, INSTRUMENT, AUTHORITY, TYPE, JURISDICTION, YEAR);

    private SearchFields() {
    }
}
