package org.noticeline.outbound;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbound policy against real local servers: what is refused is never sent, every cap holds, and
 * a request goes to the address that was checked, under the name it was made for.
 * <p>
 * The names {@code rebind.test} and {@code other.test} exist twice: the policies here resolve them as
 * each test says (127.0.0.2), while Vert.x's own resolver, which a request would use were it to look
 * its host up again, has them at 127.0.0.1 and asks no DNS server but one on loopback. So a request
 * that is not pinned lands on 127.0.0.1 and fails its test, and nothing ever leaves this machine.
 */
class OutboundFetcherTest {

    private static final InetAddress LOOPBACK_1 = address("127.0.0.1");
    private static final InetAddress LOOPBACK_2 = address("127.0.0.2");
    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setAddressResolverOptions(new AddressResolverOptions()
            .setHostsValue(Buffer.buffer("127.0.0.1 rebind.test other.test\n"))
            .setServers(List.of("127.0.0.1:53"))));

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
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private static OutboundFetcher fetcher(AddressPolicy policy) {
        return new OutboundFetcher(VERTX, Duration.ofMillis(800), 1024, 3, policy, null);
    }

    private static final OutboundFetcher ALLOWING = fetcher(new AddressPolicy(true));

    /** A resolver that knows {@code known} (names and literals alike) and nothing else, noting every lookup; never DNS. */
    private static AddressPolicy.Resolver knowing(Map<String, InetAddress> known, List<String> lookups) {
        return host -> {
            lookups.add(host);
            InetAddress address = known.get(host);
            if (address == null) {
                throw new UnknownHostException("not a host of this test: " + host);
            }
            return new InetAddress[] {address};
        };
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void loopbackIsRefusedWhenPrivateAddressesAreOffAndNothingIsSent() {
        int before = server.requests().size();

        try (OutboundFetcher refusing = fetcher(new AddressPolicy(false))) {
            assertThatThrownBy(() -> refusing.get(URI.create(server.url("/page")), Map.of()))
                    .isInstanceOf(OutboundException.class)
                    .hasMessageContaining("refused: host '127.0.0.1' resolves to 127.0.0.1, a loopback address")
                    .hasMessageContaining("noticeline.outbound.allow-private-addresses");
        }
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

        try (OutboundFetcher fetcher = fetcher(only127001)) {
            assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/to-other-host")), Map.of()))
                    .isInstanceOf(OutboundException.class)
                    .hasMessageStartingWith("refused: host '127.0.0.2'");
        }
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

    @Test
    void aNameIsLookedUpOnceAndTheRequestGoesToTheAddressThatWasChecked() throws Exception {
        // rebind.test answers 127.0.0.2 (allowed), then 127.0.0.1 (refused), as a rebinding DNS server would.
        try (LocalHttpServer checked = LocalHttpServer.start(LOOPBACK_2, 0);
             LocalHttpServer rebound = LocalHttpServer.start(LOOPBACK_1, checked.port())) {
            checked.serve("/who", "text/plain", "checked");
            rebound.serve("/who", "text/plain", "rebound");
            List<String> lookups = new CopyOnWriteArrayList<>();
            AddressPolicy policy = new AddressPolicy(Predicate.isEqual(LOOPBACK_2), host -> {
                lookups.add(host);
                return new InetAddress[] {lookups.size() == 1 ? LOOPBACK_2 : LOOPBACK_1};
            });
            String url = "http://rebind.test:" + checked.port() + "/who";

            try (OutboundFetcher fetcher = fetcher(policy)) {
                OutboundFetcher.Fetched fetched = fetcher.get(URI.create(url), Map.of());

                assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("checked");
            }
            assertThat(lookups).containsExactly("rebind.test");
            assertThat(checked.requests("/who")).singleElement()
                    .satisfies(r -> assertThat(r.header("Host")).isEqualTo("rebind.test:" + checked.port()));
            assertThat(rebound.requests()).isEmpty();
        }
    }

    @Test
    void eachRequestGoesToTheAddressCheckedForItWhenTheNameMoves() throws Exception {
        InetAddress loopback3 = address("127.0.0.3");
        try (LocalHttpServer first = LocalHttpServer.start(LOOPBACK_2, 0);
             LocalHttpServer second = LocalHttpServer.start(loopback3, first.port())) {
            first.serve("/who", "text/plain", "first");
            second.serve("/who", "text/plain", "second");
            List<String> lookups = new CopyOnWriteArrayList<>();
            AddressPolicy policy = new AddressPolicy(address -> address.equals(LOOPBACK_2) || address.equals(loopback3), host -> {
                lookups.add(host);
                return new InetAddress[] {lookups.size() == 1 ? LOOPBACK_2 : loopback3};
            });
            URI uri = URI.create("http://rebind.test:" + first.port() + "/who");

            try (OutboundFetcher fetcher = fetcher(policy)) {
                assertThat(new String(fetcher.get(uri, Map.of()).body(), StandardCharsets.UTF_8)).isEqualTo("first");
                assertThat(new String(fetcher.get(uri, Map.of()).body(), StandardCharsets.UTF_8)).isEqualTo("second");
            }
            assertThat(lookups).containsExactly("rebind.test", "rebind.test");
        }
    }

    @Test
    void aRedirectToANameGoesToTheAddressCheckedForThatHop() throws Exception {
        try (LocalHttpServer target = LocalHttpServer.start(LOOPBACK_2, 0)) {
            target.serve("/landed", "text/plain", "landed");
            server.redirect("/to-name", "http://rebind.test:" + target.port() + "/landed");
            List<String> lookups = new CopyOnWriteArrayList<>();
            AddressPolicy policy = new AddressPolicy(a -> a.equals(LOOPBACK_1) || a.equals(LOOPBACK_2),
                    knowing(Map.of("127.0.0.1", LOOPBACK_1, "rebind.test", LOOPBACK_2), lookups));

            try (OutboundFetcher fetcher = fetcher(policy)) {
                OutboundFetcher.Fetched fetched = fetcher.get(URI.create(server.url("/to-name")), Map.of());

                assertThat(fetched.uri()).hasToString("http://rebind.test:" + target.port() + "/landed");
                assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("landed");
            }
            assertThat(lookups).containsExactly("127.0.0.1", "rebind.test");
            assertThat(target.requests("/landed").get(0).header("Host")).isEqualTo("rebind.test:" + target.port());
        }
    }

    @Test
    void aNameThatResolvesToAnAddressNotAllowedIsRefusedAndNothingIsSent() {
        int before = server.requests().size();
        AddressPolicy policy = new AddressPolicy(Predicate.isEqual(LOOPBACK_2), host -> new InetAddress[] {LOOPBACK_1});

        try (OutboundFetcher fetcher = fetcher(policy)) {
            assertThatThrownBy(() -> fetcher.get(URI.create("http://rebind.test:" + server.port() + "/page"), Map.of()))
                    .isInstanceOf(OutboundException.class)
                    .hasMessageStartingWith("refused: host 'rebind.test' resolves to 127.0.0.1, a loopback address (127.0.0.0/8)");
        }
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void anIpv6LiteralIsConnectedToAsCheckedAndKeptInBracketsInTheHostHeader() throws Exception {
        InetAddress ipv6Loopback = address("::1");
        try (LocalHttpServer v6 = LocalHttpServer.start(ipv6Loopback, 0);
             OutboundFetcher fetcher = fetcher(new AddressPolicy(Predicate.isEqual(ipv6Loopback)))) {
            v6.serve("/page", "text/plain", "over IPv6");

            OutboundFetcher.Fetched fetched = fetcher.get(URI.create("http://[::1]:" + v6.port() + "/page"), Map.of());

            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("over IPv6");
            assertThat(v6.requests("/page").get(0).header("Host")).isEqualTo("[::1]:" + v6.port());
        }
    }

    @Test
    void overTlsTheNameIsTheServerNameAndWhatTheCertificateIsVerifiedFor(@TempDir Path keys) throws Exception {
        LocalCertificate certificate = LocalCertificate.forName("rebind.test", keys);
        PfxOptions trustOnlyIt = new PfxOptions().setPath(certificate.keyStore().toString()).setPassword(certificate.password());
        try (LocalHttpServer tls = LocalHttpServer.startTls(LOOPBACK_2, certificate.serverContext())) {
            tls.serve("/page", "text/plain", "over TLS");
            AddressPolicy policy = new AddressPolicy(Predicate.isEqual(LOOPBACK_2),
                    knowing(Map.of("rebind.test", LOOPBACK_2, "other.test", LOOPBACK_2), new CopyOnWriteArrayList<>()));

            try (OutboundFetcher fetcher = new OutboundFetcher(VERTX, Duration.ofSeconds(5), 1024, 3, policy, trustOnlyIt)) {
                // The certificate names rebind.test and no address: it passes only when verified for the name.
                OutboundFetcher.Fetched fetched = fetcher.get(URI.create("https://rebind.test:" + tls.port() + "/page"), Map.of());
                assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("over TLS");
                assertThat(tls.serverNames()).containsExactly("rebind.test");
                assertThat(tls.requests("/page").get(0).header("Host")).isEqualTo("rebind.test:" + tls.port());

                assertThatThrownBy(() -> fetcher.get(URI.create("https://other.test:" + tls.port() + "/page"), Map.of()))
                        .isInstanceOf(OutboundException.class)
                        .hasMessageContaining("other.test");
                assertThat(tls.requests("/page")).as("no request over a connection whose certificate is for another name").hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.1", "0x7f.1", "0177.0.0.1", "2130706433", "0x7f000001", "127.0.0.1."})
    void legacyNumericHostsAreRefusedEvenWhenPrivateAddressesAreAllowed(String host) {
        int before = server.requests().size();
        List<String> lookups = new CopyOnWriteArrayList<>();

        try (OutboundFetcher allowingAll = fetcher(new AddressPolicy(address -> true, knowing(Map.of(), lookups)))) {
            assertThatThrownBy(() -> allowingAll.get(URI.create("http://" + host + ":" + server.port() + "/page"), Map.of()))
                    .isInstanceOf(OutboundException.class)
                    .hasMessageStartingWith("refused: host '" + host + "' ends in a number but is not an IPv4 address written a.b.c.d");
        }
        assertThat(lookups).isEmpty();
        assertThat(server.requests()).hasSize(before);
    }
}
