package org.noticeline.security.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestKindTest {

    @Test
    void healthAndMetricsAreNeverLimited() {
        assertThat(RequestKind.of("GET", "/q/health/ready", null, null, false)).isNull();
        assertThat(RequestKind.of("GET", "/q/metrics", null, null, false)).isNull();
    }

    @Test
    void expensiveRequestsHaveBucketsOfTheirOwn() {
        assertThat(RequestKind.of("GET", "/api/search", null, null, false)).isEqualTo(RequestKind.SEARCH);
        assertThat(RequestKind.of("GET", "/search", null, null, false)).isEqualTo(RequestKind.SEARCH);
        assertThat(RequestKind.of("POST", "/api/extract", null, null, true)).isEqualTo(RequestKind.EXTRACT);
        assertThat(RequestKind.of("GET", "/api/notices", "CSV", null, false)).isEqualTo(RequestKind.EXPORT);
        assertThat(RequestKind.of("GET", "/api/notices", null, "text/csv", false)).isEqualTo(RequestKind.EXPORT);
        assertThat(RequestKind.of("GET", "/api/export", null, null, true)).isEqualTo(RequestKind.EXPORT);
        assertThat(RequestKind.of("POST", "/api/documents", null, null, true)).isEqualTo(RequestKind.UPLOAD);
        assertThat(RequestKind.of("POST", "/api/import", null, null, true)).isEqualTo(RequestKind.UPLOAD);
        assertThat(RequestKind.of("POST", "/subscribe", null, null, false)).isEqualTo(RequestKind.SIGNUP);
        assertThat(RequestKind.of("POST", "/api/subscriptions", null, null, false)).isEqualTo(RequestKind.SIGNUP);
    }

    @Test
    void everythingElseIsGeneral() {
        assertThat(RequestKind.of("GET", "/platforms/x", null, "text/html", false)).isEqualTo(RequestKind.GENERAL);
        assertThat(RequestKind.of("GET", "/api/notices", "json", "application/json", false)).isEqualTo(RequestKind.GENERAL);
        assertThat(RequestKind.of("GET", "/subscribe", null, null, false)).isEqualTo(RequestKind.GENERAL);
        // A webhook subscription is created with a token, and is no sign-up form.
        assertThat(RequestKind.of("POST", "/api/subscriptions", null, null, true)).isEqualTo(RequestKind.GENERAL);
        assertThat(RequestKind.of("GET", "/api/documents/12", null, null, false)).isEqualTo(RequestKind.GENERAL);
    }
}
