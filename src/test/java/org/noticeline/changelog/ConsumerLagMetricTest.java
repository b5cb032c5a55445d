package org.noticeline.changelog;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code noticeline_changelog_consumer_lag} counts, per consumer, the changes it has not applied, as Prometheus reads it. */
@QuarkusTest
class ConsumerLagMetricTest {

    private static final Pattern GATE_LAG = Pattern.compile(
            "^noticeline_changelog_consumer_lag\\{[^}]*consumer=\"GateConsumer\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    @Inject
    GateConsumer gate;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void theLagOfAStuckConsumerGrowsWithTheLogAndFallsToZeroWhenItCatchesUp() throws Exception {
        awaitLag(lag -> lag == 0);
        gate.close();
        try {
            append("lag-first");
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!gate.stuck() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(gate.stuck()).as("the follower handed the consumer the first change").isTrue();
            for (int i = 0; i < 3; i++) {
                append("lag-more-" + i);
            }
            assertThat(awaitLag(lag -> lag >= 4)).isGreaterThanOrEqualTo(4);
        } finally {
            gate.open();
        }
        assertThat(awaitLag(lag -> lag == 0)).isZero();
    }

    private void append(String slug) throws Exception {
        ForeignChanges.append(url, user.orElse(""), password.orElse(""), dbKind, slug + "-" + System.nanoTime());
    }

    /** The gauge's value once it satisfies {@code until}, or its last value after five seconds. */
    private double awaitLag(DoublePredicate until) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        double lag;
        do {
            Matcher m = GATE_LAG.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
            assertThat(m.find()).as("the gauge is exported for every consumer").isTrue();
            lag = Double.parseDouble(m.group(1));
            if (until.test(lag)) {
                return lag;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return lag;
    }
}
