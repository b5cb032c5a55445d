package org.noticeline.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * JAX-RS makes every {@code Location} absolute with the request's own base, that is its {@code Host} header, which
 * the client chooses; a cache in front would then hand that link to everyone. Redirects and created resources point
 * at {@link PublicUrls#base()} instead.
 */
public class PublicLocations {

    @Inject
    PublicUrls publicUrls;

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        URI location = response.getLocation();
        String requestBase = request.getUriInfo().getBaseUri().toString();
        if (location != null && location.toString().startsWith(requestBase)) {
            String path = location.toString().substring(requestBase.length());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, publicUrls.base() + "/" + path);
        }
    }
}
