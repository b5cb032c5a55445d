package org.noticeline.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.subscription.Fixtures.as;

/** Exactly-once planning when planners race, and leases: a delivery held by a replica that died is sent again after its lease. */
@QuarkusTest
class PlanningAndLeasesTest {

    private static WebhookReceiver receiver;

    @Inject
    DeliveryPlanner planner;
    @Inject
    DeliverySender sender;
    @Inject
    EntityManager em;
    @Inject
    org.noticeline.time.AppClock clock;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void racingPlannersPlanEachChangeOnce() throws Exception {
        String bearer = Fixtures.subscriber("plan-race").getKey();
        String id = Fixtures.subscribe(bearer, receiver.url("/race"), Map.of("platform", "amazon-store"), null).getString("id");
        as(bearer).post("/api/subscriptions/" + id + "/pause").then().statusCode(200);
        int notices = 12;
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < notices; i++) {
                int n = i;
                writes.add(threads.submit(() -> Fixtures.post(Fixtures.notice("plan-race-" + n, "amazon-store"))));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> planners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                planners.add(threads.submit(() -> {
                    go.await();
                    int planned = 0;
                    for (int round = 0; round < 20; round++) {
                        planned += planner.planAll();
                    }
                    return planned;
                }));
            }
            go.countDown();
            for (Future<?> write : writes) {
                write.get();
            }
            for (Future<Integer> p : planners) {
                p.get();
            }
        } finally {
            threads.shutdownNow();
        }
        planner.planAll();
        List<Map<String, Object>> deliveries = as(bearer).get("/api/subscriptions/" + id + "/deliveries?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(deliveries).hasSize(notices);
        assertThat(deliveries).extracting(d -> d.get("seq")).doesNotHaveDuplicates();
        assertThat(deliveries).extracting(d -> d.get("webhookId")).doesNotHaveDuplicates();
        assertThat(planner.position()).isGreaterThanOrEqualTo(((Number) deliveries.get(0).get("seq")).longValue());
    }

    @Test
    void aDeliveryLeasedByADeadReplicaIsSentAgainAfterTheLeaseWithTheSameId() throws InterruptedException {
        String bearer = Fixtures.subscriber("plan-lease").getKey();
        String id = Fixtures.subscribe(bearer, receiver.url("/lease"), Map.of("platform", "apple-app-store"), null).getString("id");
        as(bearer).post("/api/subscriptions/" + id + "/pause").then().statusCode(200);
        Fixtures.post(Fixtures.notice("plan-lease-apple", "apple-app-store"));
        planner.planAll();
        List<Map<String, Object>> planned = Fixtures.deliveries(bearer, id);
        assertThat(planned).hasSize(1);
        long deliveryId = ((Number) planned.get(0).get("id")).longValue();
        // A replica claimed it, then died before sending or recording anything.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update delivery set lease_until = ?1, leased_by = 'replica-killed-1' where id = ?2")
                .setParameter(1, clock.now().plusSeconds(60)).setParameter(2, deliveryId).executeUpdate());
        as(bearer).post("/api/subscriptions/" + id + "/resume").then().statusCode(200);
        assertThat(sender.claim(200)).noneMatch(o -> o.deliveryId() == deliveryId);
        Thread.sleep(1000);
        assertThat(receiver.received("/lease")).isEmpty();

        Fixtures.advance(Duration.ofSeconds(61));
        WebhookReceiver.Received got = receiver.await("/lease", r -> true, 1, Duration.ofSeconds(15)).get(0);
        assertThat(got.header("webhook-id")).isEqualTo(planned.get(0).get("webhookId"));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"delivered".equals(Fixtures.deliveries(bearer, id).get(0).get("status")) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(Fixtures.deliveries(bearer, id).get(0).get("status")).isEqualTo("delivered");

        // The dead replica's outcome, were it to arrive now, is not its to record.
        sender.record(new ChannelSender.Outgoing(deliveryId, "replica-killed-1", id, Channel.WEBHOOK, receiver.url("/lease"), List.of(),
                "x", "notice.new", "{}", clock.now()), ChannelSender.SendResult.failed(500, "late", Optional.empty()));
        Map<String, Object> after = Fixtures.deliveries(bearer, id).get(0);
        assertThat(after.get("status")).isEqualTo("delivered");
        assertThat(after.get("attempts")).isEqualTo(1);
    }
}
