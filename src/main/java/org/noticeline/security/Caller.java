package org.noticeline.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Optional;

/**
 * Who is making the current request: the token that authenticated it (its name is recorded on every revision),
 * or nobody. Set on every request that carries a valid credential, public endpoints included, so that
 * reading can show more to token holders (drafts) than to anonymous visitors.
 */
@RequestScoped
public class Caller {

    private Long tokenId;
    private String name;
    private List<Scope> scopes = List.of();
    private String session;

    public String name() {
        return name;
    }

    /** The id of the token that authenticated the request (what owns a subscription), or null for nobody. */
    public Long tokenId() {
        return tokenId;
    }

    public boolean authenticated() {
        return name != null;
    }

    public boolean grants(Scope required) {
        return scopes.stream().anyMatch(s -> s.grants(required));
    }

    /** The session cookie's value when a browser's session authenticated the request, rather than a bearer token. */
    Optional<String> session() {
        return Optional.ofNullable(session);
    }

    void authenticatedAs(ApiToken token) {
        this.tokenId = token.id;
        this.name = token.name;
        this.scopes = token.scopeList();
    }

    void signedInAs(ApiToken token, String session) {
        authenticatedAs(token);
        this.session = session;
    }
}
