package org.noticeline.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.noticeline.config.NoticelineConfig;

import java.util.List;
import java.util.Map;

/**
 * Words, phrases and prefixes over the analysed text fields. A match in the title counts more than one in the
 * summary, which counts more than one in the body. Every term added is counted against the query's budget.
 */
final class TextQueries {

    private static final Map<String, Float> BOOSTS = Map.of(SearchFields.TITLE, 3f, SearchFields.SUMMARY, 2f, SearchFields.BODY, 1f);

    private final NoticelineConfig.Search limits;
    private int terms;

    TextQueries(NoticelineConfig.Search limits) {
        this.limits = limits;
    }

    /** A word or a phrase (a word that analyses to several terms, {@code e-mail}, is a phrase too); null when every language drops it. */
    Query words(List<String> fields, String text, int at) {
        List<Languages.Analysed> forms = Languages.analyseEveryWay(SearchFields.BODY, text);
        if (forms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (String field : fields) {
            BooleanQuery.Builder anyForm = new BooleanQuery.Builder();
            SynonymQuery.Builder single = new SynonymQuery.Builder(field);
            int singles = 0;
            for (Languages.Analysed form : forms) {
                if (form.terms().size() == 1) {
                    single.addTerm(new Term(field, form.terms().get(0)));
                    singles++;
                } else {
                    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                    for (int i = 0; i < form.terms().size(); i++) {
                        phrase.add(new Term(field, form.terms().get(i)), form.positions().get(i));
                    }
                    anyForm.add(phrase.build(), BooleanClause.Occur.SHOULD);
                }
                count(form.terms().size(), at);
            }
            if (singles > 0) {
                // One scoring term whatever the language found it: German and English stems of one word are not two matches.
                anyForm.add(single.build(), BooleanClause.Occur.SHOULD);
            }
            anyField.add(new BoostQuery(anyForm.build(), BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
        }
        return anyField.build();
    }

    /** {@code verif*}: terms that start so, not stemmed, the most frequent few. */
    Query prefix(List<String> fields, String prefix, int at) {
        if (prefix.codePointCount(0, prefix.length()) < limits.minPrefixLength()) {
            throw QuerySyntaxException.at(at, "a * needs at least " + limits.minPrefixLength() + " letters before it");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            for (String form : Languages.prefixForms(field, prefix)) {
                count(limits.maxPrefixExpansions(), at);
                any.add(new BoostQuery(new PrefixQuery(new Term(field, form),
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(limits.maxPrefixExpansions())), BOOSTS.get(field)),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    /** Exact terms count one each, so a query's size is bounded however it is written. */
    void count(int added, int at) {
        terms += added;
        if (terms > limits.maxClauses()) {
            throw QuerySyntaxException.at(at, "the query is too large: more than " + limits.maxClauses()
                    + " terms once prefixes and languages are expanded; use fewer words or longer prefixes");
        }
    }
}
