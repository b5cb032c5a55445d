package org.noticeline.timeline;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders pages in a real browser (Debian's headless Chromium): the DOM after load, and screenshots
 * at desktop and phone widths. Skipped where Chromium is absent, unless NOTICELINE_REQUIRE_BROWSER=true
 * (CI sets it, so there the test cannot silently skip).
 */
@QuarkusTest
class BrowserRenderingTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NOTICELINE_CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/platforms/x")
    URL platformPage;

    @TestHTTPResource("/")
    URL home;

    @BeforeEach
    void needsBrowser() {
        boolean required = Boolean.parseBoolean(System.getenv("NOTICELINE_REQUIRE_BROWSER"));
        if (required) {
            assertThat(CHROMIUM).as("NOTICELINE_REQUIRE_BROWSER is set but there is no Chromium").isExecutable();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed");
    }

    @Test
    void platformTimelineRendersWithItsSvgMarksAsLinks() throws Exception {
        Document dom = Jsoup.parse(chromium("--dump-dom", platformPage.toString()));

        assertThat(dom.select("main h1").text()).isEqualTo("X");
        assertThat(dom.select("svg.timeline-svg a circle.mark")).isNotEmpty();
        assertThat(dom.select("svg.timeline-svg a").eachAttr("href")).anyMatch(h -> h.startsWith("/notices/"));
        assertThat(dom.select("ol.notices li")).isNotEmpty();
    }

    @Test
    void screenshotsAtDesktopAndPhoneWidths() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Path desktop = dir.resolve("platform-x-desktop.png");
        Path phone = dir.resolve("home-phone.png");
        Files.deleteIfExists(desktop);
        Files.deleteIfExists(phone);

        chromium("--window-size=1280,1400", "--screenshot=" + desktop.toAbsolutePath(), platformPage.toString());
        chromium("--window-size=390,1200", "--screenshot=" + phone.toAbsolutePath(), home.toString());

        assertThat(pngWidth(desktop)).isEqualTo(1280);
        assertThat(pngWidth(phone)).isEqualTo(390);
        assertThat(Files.size(desktop)).as("a rendered page, not a blank one").isGreaterThan(20_000);
    }

    private static int pngWidth(Path png) throws IOException {
        byte[] header = Files.readAllBytes(png);
        assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        return ((header[16] & 0xff) << 24) | ((header[17] & 0xff) << 16) | ((header[18] & 0xff) << 8) | (header[19] & 0xff);
    }

    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        return out;
    }
}
