package org.noticeline.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Terms of which a notice must hold at least one to match a query, when the query's shape tells (a percolator's
 * presearch): so that search alerts naming words are tried only on notices holding one of those words, not on every
 * notice. A term query needs its term; a phrase, any one of its terms; a synonym group, one of its forms; a boolean
 * query, the fewest terms any one of its required clauses needs, or else one of the terms each alternative needs.
 * Where the shape does not tell (a prefix, a date range, everything but something), there are none, and the query is
 * tried on every notice.
 */
final class RequiredTerms {

    private RequiredTerms() {
    }

    /** The terms, an empty set for a query nothing matches, or empty when the query may match without any given term. */
    static Optional<Set<Term>> of(Query query) {
        if (query instanceof TermQuery term) {
            return Optional.of(Set.of(term.getTerm()));
        }
        if (query instanceof PhraseQuery phrase) {
            Term[] terms = phrase.getTerms();
            return terms.length == 0 ? Optional.empty() : Optional.of(Set.of(terms[0]));
        }
        if (query instanceof SynonymQuery synonyms) {
            return Optional.of(new LinkedHashSet<>(synonyms.getTerms()));
        }
        if (query instanceof BoostQuery boost) {
            return of(boost.getQuery());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return of(constant.getQuery());
        }
        if (query instanceof MatchNoDocsQuery) {
            return Optional.of(Set.of());
        }
        if (query instanceof BooleanQuery bool) {
            return ofBoolean(bool);
        }
        return Optional.empty();
    }

    private static Optional<Set<Term>> ofBoolean(BooleanQuery bool) {
        Set<Term> narrowest = null;
        List<BooleanClause> alternatives = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> {
                    Optional<Set<Term>> needed = of(clause.getQuery());
                    if (needed.isPresent() && (narrowest == null || needed.get().size() < narrowest.size())) {
                        narrowest = needed.get();
                    }
                }
                case SHOULD -> alternatives.add(clause);
                default -> {
                }
            }
        }
        if (narrowest != null) {
            return Optional.of(narrowest);
        }
        boolean required = bool.clauses().stream().anyMatch(c -> c.getOccur() == BooleanClause.Occur.MUST || c.getOccur() == BooleanClause.Occur.FILTER);
        // Beside required clauses, alternatives only score unless some of them must match too.
        boolean alternativesNeeded = !alternatives.isEmpty() && (!required || bool.getMinimumNumberShouldMatch() > 0);
        return alternativesNeeded ? union(alternatives) : Optional.empty();
    }

    private static Optional<Set<Term>> union(List<BooleanClause> alternatives) {
        Set<Term> any = new LinkedHashSet<>();
        for (BooleanClause alternative : alternatives) {
            Optional<Set<Term>> needed = of(alternative.getQuery());
            if (needed.isEmpty()) {
                return Optional.empty();
            }
            any.addAll(needed.get());
        }
        return Optional.of(any);
    }
}
