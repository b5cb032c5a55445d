package org.noticeline.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeView;
import org.noticeline.notice.RuleLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.noticeline.search.SearchFields.*;

/** A notice as an index document. */
final class NoticeDocuments {

    /** Analysed text with offsets in the postings, so snippets are cut without analysing the stored text again. */
    private static final FieldType TEXT_TYPE = textType();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private final FacetsConfig facets;
    private final ObjectMapper json;

    NoticeDocuments(FacetsConfig facets, ObjectMapper json) {
        this.facets = facets;
        this.json = json;
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(PLATFORM, true);
        config.setMultiValued(RULE, true);
        config.setMultiValued(INSTRUMENT, true);
        return config;
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Only public notices are in the index; the caller deletes the others. */
    static boolean indexed(Notice notice) {
        return notice.status.seenByEveryone();
    }

    Document of(Notice notice) {
        Document doc = new Document();
        doc.add(new StringField(SLUG, notice.slug, Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, notice.id));
        text(doc, notice.language, TITLE, notice.title);
        text(doc, notice.language, SUMMARY, notice.summary);
        text(doc, notice.language, BODY, plainText(notice.body));
        keyword(doc, LANGUAGE, notice.language);
        keyword(doc, STATUS, notice.status.id());
        keyword(doc, AUTHORITY, notice.authority.id);
        keyword(doc, TYPE, notice.type);
        keyword(doc, JURISDICTION, notice.jurisdiction);
        keyword(doc, PROCEEDING, notice.proceeding == null ? null : notice.proceeding.id);
        Set<String> platforms = new LinkedHashSet<>(notice.platformIds());
        platforms.forEach(p -> keyword(doc, PLATFORM, p));
        // Every rule link, curated or detected, as the timeline's rule filter reads them.
        Set<String> rules = new LinkedHashSet<>();
        Set<String> instruments = new LinkedHashSet<>();
        for (RuleLink link : notice.rules) {
            rules.add(link.ruleKey);
            instruments.add(link.instrumentCode);
        }
        rules.forEach(r -> keyword(doc, RULE, r));
        instruments.forEach(i -> keyword(doc, INSTRUMENT, i));
        long day = notice.date.toEpochDay();
        doc.add(new LongPoint(DATE, day));
        doc.add(new NumericDocValuesField(DATE, day));
        doc.add(new StoredField(VIEW, view(notice)));

        platforms.forEach(p -> doc.add(new SortedSetDocValuesFacetField(PLATFORM, p)));
        rules.forEach(r -> doc.add(new SortedSetDocValuesFacetField(RULE, r)));
        instruments.forEach(i -> doc.add(new SortedSetDocValuesFacetField(INSTRUMENT, i)));
        doc.add(new SortedSetDocValuesFacetField(AUTHORITY, notice.authority.id));
        doc.add(new SortedSetDocValuesFacetField(TYPE, notice.type));
        doc.add(new SortedSetDocValuesFacetField(JURISDICTION, notice.jurisdiction));
        doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(notice.date.getYear())));
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bodies are Markdown; snippets read as text, without link targets and emphasis marks. */
    static String plainText(String markdown) {
        return markdown == null ? "" : PLAIN.render(MARKDOWN.parse(markdown));
    }

    private String view(Notice notice) {
        try {
            return json.writeValueAsString(NoticeView.of(notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice view is always JSON", e);
        }
    }

    private static void text(Document doc, String language, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        doc.add(new Field(field, Languages.tokens(language, field, text), TEXT_TYPE));
        doc.add(new StoredField(field, text));
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }
}
