package org.noticeline.domain;

/** No such thing: a notice, platform, token, source ... with this id. */
public class NotFoundException extends DomainException {

    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super("no " + what + " '" + id + "'");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
