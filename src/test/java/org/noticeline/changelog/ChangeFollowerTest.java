package org.noticeline.changelog;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers hear of a change committed by another replica (here: another connection that appends a change row the
 * way a replica does, notifying on PostgreSQL) within two seconds, once, in order.
 */
@QuarkusTest
class ChangeFollowerTest {

    @Inject
    RecordingConsumer recorder;
    @Inject
    ChangeFollower follower;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aChangeCommittedElsewhereReachesEveryConsumerWithinTwoSeconds() throws Exception {
        String slug = "elsewhere-" + System.nanoTime();
        ForeignChanges.append(url, user.orElse(""), password.orElse(""), dbKind, slug);
        long committed = System.nanoTime();
        while (recorder.seen().stream().noneMatch(c -> slug.equals(c.slug())) && System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(10);
        }
        List<Change> seen = List.copyOf(recorder.seen());
        assertThat(seen).filteredOn(c -> slug.equals(c.slug())).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ChangeKind.CATALOG));
        assertThat(seen).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
        // The follower's position moves once every consumer has applied a batch, so the recorder may be handed a
        // change a moment before the position covers it; within the same two seconds it must.
        long last = seen.get(seen.size() - 1).seq();
        while (follower.position() < last && System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(10);
        }
        assertThat(follower.position()).isGreaterThanOrEqualTo(last);
    }
}
