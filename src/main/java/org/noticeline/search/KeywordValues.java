package org.noticeline.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.notice.NoticeType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.noticeline.search.DateValues.excerpt;

/**
 * The exact fields of the query language, checked against the catalog the way the timeline filters check their
 * parameters: an unknown platform is an error that says so, not an empty answer.
 */
final class KeywordValues {

    static final List<String> FIELDS = List.of("platform", "rule", "instrument", "authority", "type", "jurisdiction",
            "proceeding", "language", "date", "year");

    private final Catalog catalog;

    KeywordValues(Catalog catalog) {
        this.catalog = catalog;
    }

    static boolean known(String field) {
        return FIELDS.contains(field);
    }

    Query query(String field, String raw, int at) {
        String value = raw.trim();
        if (value.isEmpty()) {
            throw QuerySyntaxException.at(at, field + ": needs a value");
        }
        return switch (field) {
            case "platform" -> checked(SearchFields.PLATFORM, value.toLowerCase(Locale.ROOT), catalog.platform(value.toLowerCase(Locale.ROOT)), "platform", at);
            case "rule" -> rule(value, at);
            case "instrument" -> instrument(value, at);
            case "authority" -> checked(SearchFields.AUTHORITY, value.toLowerCase(Locale.ROOT), catalog.authority(value.toLowerCase(Locale.ROOT)), "authority", at);
            case "proceeding" -> checked(SearchFields.PROCEEDING, value, catalog.proceeding(value), "proceeding", at);
            case "type" -> checked(SearchFields.TYPE, value.toLowerCase(Locale.ROOT), NoticeType.fromId(value.toLowerCase(Locale.ROOT)),
                    "type (one of " + String.join(", ", NoticeType.ids()) + ")", at);
            case "jurisdiction" -> pattern(SearchFields.JURISDICTION, value.toUpperCase(Locale.ROOT), "[A-Z]{2,3}", "a code such as EU, UK, US", at);
            case "language" -> pattern(SearchFields.LANGUAGE, value.toLowerCase(Locale.ROOT), "[a-z]{2}", "a two-letter code such as en, de", at);
            case "date", "year" -> DateValues.query(value, at);
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** {@code DSA:40} is that article, {@code DSA} any article of the instrument: the timeline's {@code rule} parameter. */
    private Query rule(String value, int at) {
        if (!value.contains(":")) {
            return instrument(value, at);
        }
        RuleKey key = RuleKey.parse(value).filter(k -> catalog.hasRule(k.toString())).orElseThrow(() -> QuerySyntaxException.at(at,
                "unknown rule '" + excerpt(value) + "'; expected a key such as DSA:34 or an instrument code such as DSA"));
        return new TermQuery(new Term(SearchFields.RULE, key.toString()));
    }

    private Query instrument(String value, int at) {
        String code = value.toUpperCase(Locale.ROOT);
        return checked(SearchFields.INSTRUMENT, code, catalog.instrument(code), "instrument", at);
    }

    private static Query checked(String field, String value, Optional<?> known, String what, int at) {
        if (known.isEmpty()) {
            throw QuerySyntaxException.at(at, "unknown " + what + " '" + excerpt(value) + "'");
        }
        return new TermQuery(new Term(field, value));
    }

    private static Query pattern(String field, String value, String pattern, String expected, int at) {
        if (!value.matches(pattern)) {
            throw QuerySyntaxException.at(at, "'" + excerpt(value) + "' is not " + expected);
        }
        return new TermQuery(new Term(field, value));
    }
}
