package org.noticeline.ingest.document;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.linking.Extraction;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeDates;
import org.noticeline.notice.NoticeType;
import org.noticeline.notice.PlainTextBody;
import org.noticeline.notice.Slugs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an uploaded document seems to be: title, date, authority, type, platforms and rules, proposed
 * from its text for an editor to review. Anything the uploader states wins over a guess.
 */
final class DocumentProposal {

    /** Phrases that give away the kind of act, most specific first. */
    private static final Map<String, NoticeType> TYPE_HINTS = new LinkedHashMap<>();

    static {
        TYPE_HINTS.put("preliminary findings", NoticeType.PRELIMINARY_FINDINGS);
        TYPE_HINTS.put("request for information", NoticeType.REQUEST_FOR_INFORMATION);
        TYPE_HINTS.put("requests for information", NoticeType.REQUEST_FOR_INFORMATION);
        TYPE_HINTS.put("information notice", NoticeType.REQUEST_FOR_INFORMATION);
        TYPE_HINTS.put("opens formal proceedings", NoticeType.OPENING_OF_PROCEEDINGS);
        TYPE_HINTS.put("opening of proceedings", NoticeType.OPENING_OF_PROCEEDINGS);
        TYPE_HINTS.put("opens an investigation", NoticeType.OPENING_OF_PROCEEDINGS);
        TYPE_HINTS.put("retention order", NoticeType.RETENTION_ORDER);
        TYPE_HINTS.put("interim measures", NoticeType.INTERIM_MEASURES);
        TYPE_HINTS.put("commitments", NoticeType.COMMITMENTS);
        TYPE_HINTS.put("judgment", NoticeType.JUDGMENT);
        TYPE_HINTS.put("fined", NoticeType.FINE);
        TYPE_HINTS.put("fines", NoticeType.FINE);
        TYPE_HINTS.put("non-compliance decision", NoticeType.DECISION);
        TYPE_HINTS.put("decision", NoticeType.DECISION);
        TYPE_HINTS.put("dear ", NoticeType.LETTER);
    }

    private DocumentProposal() {
    }

    /** Fields the uploader gave in the form; null where the proposal should guess. */
    record Stated(String title, String date, String type, String authority, String source) {
    }

    static NoticeContent propose(ExtractedDocument document, Extraction found, Catalog catalog, Stated stated, String fallbackSource) {
        String title = firstNonBlank(stated.title(), document.title());
        String date = firstNonBlank(stated.date(), firstPlausibleDate(found), LocalDate.now().toString());
        String authority = firstNonBlank(stated.authority(), found.authorities().isEmpty() ? null : found.authorities().get(0).id());
        String type = firstNonBlank(stated.type(), guessType(document.text()));
        String jurisdiction = authority == null ? null : catalog.authority(authority).map(a -> a.jurisdiction()).orElse(null);
        String slug = Slugs.of(date, title);
        String summary = document.text().lines().map(String::strip).filter(l -> l.length() > 40).findFirst()
                .map(l -> l.length() > 300 ? l.substring(0, 297) + "..." : l).orElse(null);
        return new NoticeContent(slug, title, date, type, authority, jurisdiction, List.of(), List.of(), null, "en", summary,
                List.of(firstNonBlank(stated.source(), fallbackSource)), PlainTextBody.toMarkdown(document.text()));
    }

    /** The first date in the text that a notice could carry; "in 1789" or a typo's year 20245 is no guess. */
    private static String firstPlausibleDate(Extraction found) {
        return found.dates().stream().map(d -> d.date()).filter(d -> NoticeDates.parse(d).isPresent()).findFirst().orElse(null);
    }

    static String guessType(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return TYPE_HINTS.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(e -> e.getValue().id()).findFirst()
                .orElse(NoticeType.OTHER.id());
    }


    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
