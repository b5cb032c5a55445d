package org.noticeline.search;

/** The index is being built or caught up (or could not be opened): ask again later; HTTP makes it a 503 with {@code Retry-After}. */
public class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException(String message) {
        super(message);
    }
}
