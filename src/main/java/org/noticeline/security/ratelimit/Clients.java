package org.noticeline.security.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;

import java.util.List;

/** The client of a request, as {@link ClientAddresses} tells it under {@code noticeline.rate-limits.trusted-proxies}. */
@ApplicationScoped
public class Clients {

    private final ClientAddresses addresses;

    @Inject
    public Clients(NoticelineConfig config) {
        this.addresses = new ClientAddresses(config.rateLimits().trustedProxies().orElse(List.of()));
    }

    public String of(HttpServerRequest request) {
        return addresses.clientOf(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.headers().getAll("X-Forwarded-For"));
    }
}
