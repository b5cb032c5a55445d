package org.noticeline.ingest.document;

/** An upload we cannot use (broken, encrypted, too large, not a format we read); nothing of it is stored. */
public class DocumentRejected extends RuntimeException {

    public DocumentRejected(String message) {
        super(message);
    }
}
