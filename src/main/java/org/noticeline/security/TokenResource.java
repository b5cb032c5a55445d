package org.noticeline.security;

import org.noticeline.domain.InvalidException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Administration of API tokens: create (the secret is shown once), list, revoke. */
@Path("/api/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Scope.ADMIN)
public class TokenResource {

    public record NewToken(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only") String name,
                           @NotEmpty @Size(max = 10) List<@NotBlank String> scopes, Instant expiresAt) {
    }

    public record TokenView(long id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt,
                            Instant lastUsedAt, String token) {
        static TokenView of(ApiToken t, String secret) {
            return new TokenView(t.id, t.name, t.scopeList().stream().map(Scope::id).toList(), t.createdAt, t.expiresAt, t.revokedAt,
                    t.lastUsedAt, secret);
        }
    }

    /** Ten years, as for notice dates: a later expiry is a typo, not a plan. */
    private static final Duration MAX_LIFETIME = Duration.ofDays(3653);

    @Inject
    TokenService tokens;

    @GET
    public List<TokenView> list() {
        return tokens.list().stream().map(t -> TokenView.of(t, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "a JSON body with name and scopes is required") NewToken request) {
        List<Scope> scopes = request.scopes().stream()
                .map(s -> Scope.fromId(s).orElseThrow(() -> InvalidException.of("scopes", "unknown scope '" + s + "'; expected ingest, admin or subscribe")))
                .toList();
        if (request.expiresAt() != null && request.expiresAt().isBefore(Instant.now())) {
            throw InvalidException.of("expiresAt", "must be in the future");
        }
        if (request.expiresAt() != null && request.expiresAt().isAfter(Instant.now().plus(MAX_LIFETIME))) {
            throw InvalidException.of("expiresAt", "at most ten years ahead");
        }
        TokenService.Created created = tokens.create(request.name(), scopes, request.expiresAt());
        return Response.created(URI.create("/api/admin/tokens/" + created.token().id))
                .entity(TokenView.of(created.token(), created.secret())).build();
    }

    @DELETE
    @Path("{id}")
    public TokenView revoke(@RestPath long id) {
        return TokenView.of(tokens.revoke(id), null);
    }
}
