package org.noticeline.search;

/** A query that cannot be run, with where it went wrong in words a person can act on; HTTP makes it a 400 naming {@code q}. */
public class QuerySyntaxException extends RuntimeException {

    public QuerySyntaxException(String message) {
        super(message);
    }

    static QuerySyntaxException at(int index, String message) {
        return new QuerySyntaxException(message + " (at character " + (index + 1) + ")");
    }
}
