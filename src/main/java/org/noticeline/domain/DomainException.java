package org.noticeline.domain;

/**
 * A request the domain refuses, said in the domain's words. Services, entities, the catalog, the
 * corpus loader and the feed poller throw these; only REST resources turn them into HTTP answers.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
