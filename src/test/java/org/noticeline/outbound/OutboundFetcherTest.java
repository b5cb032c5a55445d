package org.noticeline.outbound;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound policy against a real local server: what is refused is never sent, and every cap holds. */
class OutboundFetcherTest {

    private static LocalHttpServer server;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.start();
        server.serve("/page", "text/html; charset=utf-8", "<p>hello</p>");
        for (int i = 1; i <= 5; i++) {
            server.redirect("/hop" + i, "/hop" + (i + 1));
        }
        server.serve("/hop6", "text/plain", "arrived");
        server.large("/large-declared", 2048, false);
        server.large("/large-chunked", 2048, true);
        server.large("/just-fits", 1024, true);
        server.slow("/slow", "text/plain", "late", Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static OutboundFetcher fetcher(AddressPolicy policy) {
        return new OutboundFetcher(Duration.ofMillis(800), 1024, 3, policy);
    }

    private static final OutboundFetcher ALLOWING = fetcher(new AddressPolicy(true));

    @Test
    void loopbackIsRefusedWhenPrivateAddressesAreOffAndNothingIsSent() {
        int before = server.requests().size();

        assertThatThrownBy(() -> fetcher(new AddressPolicy(false)).get(URI.create(server.url("/page")), Map.of()))
                .isInstanceOf(OutboundException.class)
                .hasMessageContaining("refused: host '127.0.0.1' resolves to 127.0.0.1, a loopback address")
                .hasMessageContaining("noticeline.outbound.allow-private-addresses");
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void allowedRequestsReturnStatusHeadersAndBody() throws Exception {
        OutboundFetcher.Fetched page = ALLOWING.get(URI.create(server.url("/page")), Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
        assertThat(server.requests("/page").get(server.requests("/page").size() - 1).header("Accept")).isEqualTo("text/html");
    }

    @Test
    void redirectsAreFollowedUpToTheCapAndNoFurther() throws Exception {
        OutboundFetcher.Fetched within = ALLOWING.get(URI.create(server.url("/hop3")), Map.of());
        assertThat(within.uri().getPath()).isEqualTo("/hop6");
        assertThat(new String(within.body(), StandardCharsets.UTF_8)).isEqualTo("arrived");

        int arrivals = server.requests("/hop6").size();
        assertThatThrownBy(() -> ALLOWING.get(URI.create(server.url("/hop1")), Map.of()))
                .isInstanceOf(OutboundException.class)
                .hasMessageContaining("more than 3 redirects");
        assertThat(server.requests("/hop6")).as("the hop past the cap is never requested").hasSize(arrivals);
    }

    @Test
    void everyRedirectHopIsCheckedAgainstThePolicy() {
        server.redirect("/to-other-host", "http://127.0.0.2:" + server.port() + "/page");
        AddressPolicy only127001 = new AddressPolicy(address -> address.getHostAddress().equals("127.0.0.1"));

        assertThatThrownBy(() -> fetcher(only127001).get(URI.create(server.url("/to-other-host")), Map.of()))
                .isInstanceOf(OutboundException.class)
                .hasMessageStartingWith("refused: host '127.0.0.2'");
        assertThat(server.requests("/to-other-host")).hasSize(1);
    }

    @Test
    void bodiesOverMaxBytesAreRefusedWhetherDeclaredOrStreamed() throws Exception {
        assertThatThrownBy(() -> ALLOWING.get(URI.create(server.url("/large-declared")), Map.of()))
                .isInstanceOf(OutboundException.class).hasMessageContaining("larger than 1024 bytes");
        assertThatThrownBy(() -> ALLOWING.get(URI.create(server.url("/large-chunked")), Map.of()))
                .isInstanceOf(OutboundException.class).hasMessageContaining("larger than 1024 bytes");
        assertThat(ALLOWING.get(URI.create(server.url("/just-fits")), Map.of()).body()).hasSize(1024);
    }

    @Test
    void aSlowServerIsGivenUpOnAfterTheTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> ALLOWING.get(URI.create(server.url("/slow")), Map.of()))
                .isInstanceOf(OutboundException.class).hasMessageContaining("within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> ALLOWING.get(URI.create("file:///etc/passwd"), Map.of()))
                .isInstanceOf(OutboundException.class).hasMessageContaining("only http and https");
    }

    @Test
    void aClosedPortIsAClearError() {
        LocalHttpServer gone = LocalHttpServer.start();
        String url = gone.url("/page");
        gone.close();

        assertThatThrownBy(() -> ALLOWING.get(URI.create(url), Map.of()))
                .isInstanceOf(OutboundException.class).hasMessageContaining("cannot connect to " + url);
    }
}
