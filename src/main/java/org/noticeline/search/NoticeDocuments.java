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
import org.noticeline.notice.NoticeTerms;
import org.noticeline.notice.NoticeText;

import java.io.IOException;
import java.io.UncheckedIOException;

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

    /** The notice's document in the index: what queries read, what sorting and facets read, and its stored item. */
    Document of(Notice notice) {
        return of(notice.id, NoticeView.of(notice), notice.body);
    }

    /** The document of notice {@code id} as {@code view} shows it, with {@code body}: now, or as it stood after a change. */
    Document of(long id, NoticeView view, String body) {
        NoticeTerms terms = NoticeTerms.of(view);
        Document doc = searchable(terms, NoticeText.of(view, body));
        doc.add(new StringField(SLUG, view.slug(), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, id));
        doc.add(new NumericDocValuesField(DATE, view.date().toEpochDay()));
        doc.add(new NumericDocValuesField(CHANGED, view.updatedAt().toEpochMilli()));
        doc.add(new StoredField(VIEW, json(view)));
        return withFacets(doc, terms);
    }

    /**
     * The fields a query reads, and only those: the whole document of a notice in a one-notice index (a search alert
     * tried against a new notice) and the start of its document in the index, so that both judge a query alike. The
     * text fields are analysed by the notice's language; every rule link counts, curated or detected, as the
     * timeline's rule filter reads them.
     */
    static Document searchable(NoticeTerms terms, NoticeText text) {
        Document doc = new Document();
        text(doc, text.language(), TITLE, text.title());
        text(doc, text.language(), SUMMARY, text.summary());
        text(doc, text.language(), BODY, plainText(text.body()));
        keyword(doc, LANGUAGE, text.language());
        keyword(doc, STATUS, text.status());
        keyword(doc, AUTHORITY, terms.authority());
        keyword(doc, TYPE, terms.type());
        keyword(doc, JURISDICTION, terms.jurisdiction());
        keyword(doc, PROCEEDING, terms.proceeding());
        terms.platforms().forEach(p -> keyword(doc, PLATFORM, p));
        terms.ruleKeys().forEach(r -> keyword(doc, RULE, r));
        terms.instruments().forEach(i -> keyword(doc, INSTRUMENT, i));
        doc.add(new LongPoint(DATE, terms.date().toEpochDay()));
        return doc;
    }

    private Document withFacets(Document doc, NoticeTerms terms) {
        terms.platforms().forEach(p -> doc.add(new SortedSetDocValuesFacetField(PLATFORM, p)));
        terms.ruleKeys().forEach(r -> doc.add(new SortedSetDocValuesFacetField(RULE, r)));
        terms.instruments().forEach(i -> doc.add(new SortedSetDocValuesFacetField(INSTRUMENT, i)));
        doc.add(new SortedSetDocValuesFacetField(AUTHORITY, terms.authority()));
        doc.add(new SortedSetDocValuesFacetField(TYPE, terms.type()));
        doc.add(new SortedSetDocValuesFacetField(JURISDICTION, terms.jurisdiction()));
        doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(terms.date().getYear())));
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

    private String json(NoticeView view) {
        try {
            return json.writeValueAsString(view);
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
