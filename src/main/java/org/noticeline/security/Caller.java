package org.noticeline.security;

import jakarta.enterprise.context.RequestScoped;

/** Who is making the current request: the name of the token that authenticated it, recorded on every revision. */
@RequestScoped
public class Caller {

    private String name;

    public String name() {
        return name;
    }

    void authenticatedAs(String tokenName) {
        this.name = tokenName;
    }
}
