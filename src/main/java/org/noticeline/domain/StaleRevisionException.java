package org.noticeline.domain;

/** A write that names the revision it was based on, when the notice has moved on since: the editor must look again. */
public class StaleRevisionException extends DomainException {

    private final String current;

    public StaleRevisionException(String slug, String expected, String current) {
        super("notice '" + slug + "' is at revision " + current + ", not " + expected + "; fetch it again and reapply your change");
        this.current = current;
    }

    public String current() {
        return current;
    }
}
