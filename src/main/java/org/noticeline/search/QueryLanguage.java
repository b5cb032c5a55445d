package org.noticeline.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.search.QueryTokens.Kind;
import org.noticeline.search.QueryTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query language people type, parsed by recursive descent:
 * <pre>
 *   query   = or
 *   or      = and ("OR" and)*
 *   and     = unary (["AND"] unary)*          adjacent terms must all match
 *   unary   = ("NOT" | "-") unary | primary
 *   primary = "(" or ")" | field ":" ( "(" or ")" | phrase ) | field ":" value | phrase | word | prefix "*"
 * </pre>
 * {@code related:DSA:28} is {@code rule:DSA:28} or a rule of any provision the catalog relates to it
 * ({@code notices/catalog/related.yaml}).
 * Written by hand rather than with Lucene's classic parser because values carry colons ({@code rule:DSA:40}), every
 * field is checked against the catalog, and each mistake must be reported with where it is, never as a 500.
 */
public final class QueryLanguage {

    private static final int MAX_DEPTH = 20;
    private static final List<String> TEXT_FIELDS = List.of("title", "summary", "body");
    private static final String RELATED = "related";

    private final Catalog catalog;
    private final KeywordValues keywords;
    private final NoticelineConfig.Search limits;

    public QueryLanguage(Catalog catalog, NoticelineConfig.Search limits) {
        this.catalog = catalog;
        this.keywords = new KeywordValues(catalog);
        this.limits = limits;
    }

    /** The query {@code q} means; everything when it is blank. */
    public Query parse(String q) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > limits.maxQueryLength()) {
            throw new QuerySyntaxException("the query is " + q.length() + " characters long; at most " + limits.maxQueryLength() + " are accepted");
        }
        return new Parse(QueryTokens.of(q), new TextQueries(limits)).query();
    }

    /** One parse: the tokens, where it is among them, and the term budget spent so far. */
    private final class Parse {
        private final List<Token> tokens;
        private final TextQueries text;
        private int next;
        private int depth;

        Parse(List<Token> tokens, TextQueries text) {
            this.tokens = tokens;
            this.text = text;
        }

        Query query() {
            Query query = positive(or(null));
            Token stray = peek();
            if (stray.kind() == Kind.CLOSE) {
                throw QuerySyntaxException.at(stray.at(), "unbalanced parenthesis: this ) closes nothing");
            }
            if (stray.kind() != Kind.END) {
                throw QuerySyntaxException.at(stray.at(), "unexpected '" + stray.text() + "'");
            }
            return query;
        }

        /** {@code field} is the field a group is scoped to ({@code platform:(x OR tiktok)}), null for text. */
        private Node or(String field) {
            List<Node> alternatives = new ArrayList<>();
            alternatives.add(and(field));
            while (peek().kind() == Kind.OR) {
                Token or = take();
                if (startsNothing(peek())) {
                    throw QuerySyntaxException.at(or.at(), "OR needs something after it");
                }
                alternatives.add(and(field));
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Node alternative : alternatives) {
                if (alternative != null) {
                    any.add(positive(alternative), BooleanClause.Occur.SHOULD);
                }
            }
            return new Node(any.build(), false);
        }

        private Node and(String field) {
            Token first = peek();
            if (startsNothing(first)) {
                throw QuerySyntaxException.at(first.at(), first.kind() == Kind.END ? "the query ends where a term was expected"
                        : "a term was expected before '" + first.text() + "'");
            }
            List<Node> all = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.AND) {
                    take();
                    if (startsNothing(peek())) {
                        throw QuerySyntaxException.at(t.at(), "AND needs something after it");
                    }
                    continue;
                }
                if (t.kind() == Kind.OR || t.kind() == Kind.CLOSE || t.kind() == Kind.END) {
                    break;
                }
                all.add(unary(field));
            }
            List<Node> present = all.stream().filter(n -> n != null).toList();
            if (present.isEmpty()) {
                return null;
            }
            if (present.size() == 1) {
                return present.get(0);
            }
            BooleanQuery.Builder every = new BooleanQuery.Builder();
            boolean anyPositive = false;
            for (Node node : present) {
                every.add(node.query(), node.negated() ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.MUST);
                anyPositive |= !node.negated();
            }
            if (!anyPositive) {
                every.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            }
            return new Node(every.build(), false);
        }

        private Node unary(String field) {
            Token t = peek();
            if (t.kind() == Kind.NOT) {
                take();
                if (startsNothing(peek())) {
                    throw QuerySyntaxException.at(t.at(), "'" + t.text() + "' needs a term after it");
                }
                Node negated = unary(field);
                return negated == null ? null : new Node(negated.query(), !negated.negated());
            }
            return primary(field);
        }

        private Node primary(String field) {
            Token t = take();
            return switch (t.kind()) {
                case OPEN -> group(t, field);
                case PHRASE -> phrase(t, field);
                case FIELD -> scoped(t);
                case WORD -> word(t, field);
                default -> throw QuerySyntaxException.at(t.at(), "unexpected '" + t.text() + "'");
            };
        }

        private Node group(Token open, String field) {
            if (++depth > MAX_DEPTH) {
                throw QuerySyntaxException.at(open.at(), "parentheses nested more than " + MAX_DEPTH + " deep");
            }
            if (peek().kind() == Kind.CLOSE) {
                throw QuerySyntaxException.at(open.at(), "empty parentheses");
            }
            Node inside = or(field);
            Token close = take();
            if (close.kind() != Kind.CLOSE) {
                throw QuerySyntaxException.at(open.at(), "unbalanced parenthesis: this ( is never closed");
            }
            depth--;
            return inside;
        }

        /** {@code title:"data access"}, {@code platform:(x OR tiktok)}. */
        private Node scoped(Token t) {
            String field = fieldName(t.text(), t.at());
            Token next = take();
            return next.kind() == Kind.OPEN ? group(next, field) : phrase(next, field);
        }

        private Node phrase(Token t, String field) {
            if (t.text().isBlank()) {
                throw QuerySyntaxException.at(t.at(), "empty phrase");
            }
            if (field != null && !TEXT_FIELDS.contains(field)) {
                return new Node(keyword(field, t.text(), t.at()), false);
            }
            return node(text.words(textFields(field), t.text(), t.at()));
        }

        private Node word(Token t, String scope) {
            String word = t.text();
            int colon = word.indexOf(':');
            if (colon > 0 && word.substring(0, colon).matches("[A-Za-z]+")) {
                String field = fieldName(word.substring(0, colon), t.at());
                return value(field, word.substring(colon + 1), t.at());
            }
            return value(scope, word, t.at());
        }

        private Node value(String field, String value, int at) {
            if (field != null && !TEXT_FIELDS.contains(field)) {
                if (value.isEmpty() && peek().kind() == Kind.PHRASE) {
                    return new Node(keyword(field, take().text(), at), false);
                }
                return new Node(keyword(field, value, at), false);
            }
            if (value.isEmpty()) {
                throw QuerySyntaxException.at(at, field + ": needs a value");
            }
            int star = value.indexOf('*');
            if (star >= 0) {
                if (star != value.length() - 1) {
                    throw QuerySyntaxException.at(at, "'*' is only understood at the end of a word (verif*)");
                }
                return node(text.prefix(textFields(field), value.substring(0, star), at));
            }
            return node(text.words(textFields(field), value, at));
        }

        /** An exact field's value; {@code related} is the rule and its related provisions, any of them. */
        private Query keyword(String field, String value, int at) {
            if (!field.equals(RELATED)) {
                return keywords.query(field, value, at);
            }
            if (!value.contains(":")) {
                throw QuerySyntaxException.at(at, "related: needs a provision such as DSA:28, not an instrument");
            }
            Query self = keywords.query("rule", value, at);
            // The rule query above has checked the key, so it parses.
            List<String> related = catalog.relatedKeys(RuleKey.parse(value).orElseThrow().toString());
            if (related.isEmpty()) {
                return self;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder().add(self, BooleanClause.Occur.SHOULD);
            related.forEach(key -> any.add(keywords.query("rule", key, at), BooleanClause.Occur.SHOULD));
            return any.build();
        }

        private String fieldName(String name, int at) {
            String field = name.toLowerCase(Locale.ROOT);
            if (!KeywordValues.known(field) && !TEXT_FIELDS.contains(field) && !field.equals(RELATED)) {
                throw QuerySyntaxException.at(at, "unknown field '" + DateValues.excerpt(name) + "'; the fields are "
                        + String.join(", ", KeywordValues.FIELDS) + ", " + RELATED + ", " + String.join(", ", TEXT_FIELDS)
                        + " (quote a word with a colon to search for it as text)");
            }
            return field;
        }

        private List<String> textFields(String field) {
            return field == null ? SearchFields.TEXT : List.of(field);
        }

        private Node node(Query query) {
            return query == null ? null : new Node(query, false);
        }

        private boolean startsNothing(Token t) {
            return t.kind() == Kind.END || t.kind() == Kind.CLOSE || t.kind() == Kind.OR || t.kind() == Kind.AND;
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        /** A negated term alone selects everything else. */
        private Query positive(Node node) {
            if (node == null) {
                // Only words every language drops ("the"): nothing to look for.
                return new MatchNoDocsQuery("only stop words");
            }
            if (!node.negated()) {
                return node.query();
            }
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                    .add(node.query(), BooleanClause.Occur.MUST_NOT).build();
        }
    }

    /** A parsed term and whether it is negated (NOT x is a MUST_NOT clause of the enclosing AND). */
    private record Node(Query query, boolean negated) {
    }
}
