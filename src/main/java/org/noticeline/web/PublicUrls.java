package org.noticeline.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.noticeline.config.NoticelineConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Absolute links to this service, built from {@code noticeline.public-base-url} and never from a request's
 * {@code Host} header, which the client chooses: a link we store or publish must point at us.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    NoticelineConfig config;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    /** The base without a trailing slash: the configured one, or the address the service listens on. */
    public String base() {
        String base = config.publicBaseUrl().orElse("http://localhost:" + port);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code base()/segment/segment...}, each segment percent-encoded. */
    public String of(String... segments) {
        StringBuilder url = new StringBuilder(base());
        for (String segment : segments) {
            url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }
}
