package org.noticeline.domain;

import java.util.List;

/**
 * The request is valid but clashes with the state of the record: a slug that another notice has, a draft
 * that is no longer a draft, a name in use. {@code errors} name the field that clashes, when one does.
 */
public class ConflictException extends DomainException {

    private final List<FieldError> errors;

    public ConflictException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public ConflictException(String message) {
        this(message, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
