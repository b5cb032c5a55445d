package org.noticeline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The Origin check of CSRF defence: browsers name the site a request comes from, and a form of another site must
 * not act on our sessions. A request without Origin is left to the CSRF token; {@code Origin: null} (a sandboxed or
 * privacy-stripped page) is foreign.
 */
@ApplicationScoped
class SameOrigin {

    @Inject
    NoticelineConfig config;

    /**
     * True when {@code origin} is absent, or the request's own (scheme and Host), or that of
     * {@code noticeline.public-base-url} (behind a proxy the Host we see may not be the one the browser used).
     */
    boolean allows(String origin, URI request) {
        if (origin == null) {
            return true;
        }
        Optional<String> claimed = originOf(origin);
        return claimed.isPresent() && (claimed.equals(originOf(request))
                || claimed.equals(config.publicBaseUrl().flatMap(SameOrigin::originOf)));
    }

    private static Optional<String> originOf(String url) {
        try {
            return originOf(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code scheme://host[:port]} in lower case, without the scheme's default port, as browsers write Origin. */
    private static Optional<String> originOf(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
