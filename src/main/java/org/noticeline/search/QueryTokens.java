package org.noticeline.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The query split into tokens: words (with a field prefix and bracketed ranges kept whole, {@code rule:DSA:40},
 * {@code date:[2024-01-01 TO 2024-12-31]}), phrases, parentheses, the operators {@code AND}, {@code OR},
 * {@code NOT} (upper case only, so that "and" stays a word) and a leading {@code -}.
 */
final class QueryTokens {

    enum Kind { WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT, END }

    /** {@code at} is the index in the query where the token starts, for saying where a problem is. */
    record Token(Kind kind, String text, int at) {
    }

    private QueryTokens() {
    }

    static List<Token> of(String query) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw QuerySyntaxException.at(i, "unbalanced quote: this \" is never closed");
                }
                tokens.add(new Token(Kind.PHRASE, query.substring(i + 1, close), i));
                i = close + 1;
            } else if ((c == '-' || c == '+') && (i + 1 >= n || Character.isWhitespace(query.charAt(i + 1)))) {
                i++; // a dash standing alone is punctuation, not an operator
            } else if (c == '-') {
                tokens.add(new Token(Kind.NOT, "-", i++));
            } else if (c == '+') {
                i++; // every term is required already
            } else {
                i = word(query, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, "", n));
        return tokens;
    }

    /** A word up to whitespace, a parenthesis or a quote; a bracket inside it runs to its closing bracket. */
    private static int word(String query, int start, List<Token> tokens) {
        int i = start;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '[') {
                int close = query.indexOf(']', i + 1);
                if (close < 0) {
                    throw QuerySyntaxException.at(i, "unbalanced bracket: this [ is never closed by a ]");
                }
                i = close + 1;
                continue;
            }
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                break;
            }
            i++;
        }
        String text = query.substring(start, i);
        boolean scopesNext = text.endsWith(":") && i < n && (query.charAt(i) == '"' || query.charAt(i) == '(');
        Kind kind = scopesNext ? Kind.FIELD : switch (text) {
            case "AND", "&&" -> Kind.AND;
            case "OR", "||" -> Kind.OR;
            case "NOT" -> Kind.NOT;
            default -> Kind.WORD;
        };
        tokens.add(new Token(kind, scopesNext ? text.substring(0, text.length() - 1) : text, start));
        return i;
    }
}
