package org.noticeline.domain;

import java.util.List;

/** Input that parsed but cannot be used; every problem at once, one {@link FieldError} each. */
public class InvalidException extends DomainException {

    private final List<FieldError> errors;

    public InvalidException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public static InvalidException of(String field, String message) {
        return new InvalidException(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
