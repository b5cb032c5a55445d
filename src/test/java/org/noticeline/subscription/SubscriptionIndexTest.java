package org.noticeline.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.subscription.Fixtures.as;

/**
 * The planner's in-memory index follows what is committed, through the database's numbers only: a changed filter
 * applies to the next change planned, a deleted subscription gets nothing and does not stop planning for others, and
 * a filter with more combinations of terms than are filed in pairs is still matched exactly.
 */
@QuarkusTest
class SubscriptionIndexTest {

    @Inject
    DeliveryPlanner planner;
    @Inject
    EntityManager em;

    @Test
    void changedAndDeletedSubscriptionsArePlannedAsTheyAreNow() {
        String bearer = Fixtures.subscriber("index").getKey();
        String moved = paused(bearer, Map.of("platform", List.of("zalando"), "rule", List.of("DSA:34")));
        String wide = paused(bearer, Map.of("platform", List.of("zalando", "amazon-store", "apple-app-store", "4chan", "x", "tiktok",
                "facebook", "instagram", "youtube"), "rule", List.of("DSA:34", "DSA:35", "DSA:40", "DSA:16", "DSA:20", "DSA:24", "DSA:39",
                "DSA:74"), "authority", List.of("european-commission")));
        Fixtures.post(Fixtures.notice("index-zalando-1", "zalando"));
        planner.planAll();
        assertThat(planned(moved)).isEqualTo(1);
        assertThat(planned(wide)).isEqualTo(1);

        as(bearer).body(Map.of("filter", Map.of("platform", List.of("amazon-store")))).patch("/api/subscriptions/" + moved)
                .then().statusCode(200);
        Fixtures.post(Fixtures.notice("index-zalando-2", "zalando"));
        Fixtures.post(Fixtures.notice("index-amazon-1", "amazon-store"));
        planner.planAll();
        assertThat(planned(moved)).isEqualTo(2);
        assertThat(planned(wide)).isEqualTo(3);

        as(bearer).delete("/api/subscriptions/" + moved).then().statusCode(204);
        Fixtures.post(Fixtures.notice("index-amazon-2", "amazon-store"));
        planner.planAll();
        assertThat(planned(moved)).isZero();
        assertThat(planned(wide)).isEqualTo(4);
        assertThat(planner.position()).isEqualTo(QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select max(seq) from notice_change").getSingleResult()).longValue()));
    }

    private String paused(String bearer, Map<String, Object> filter) {
        String id = Fixtures.subscribe(bearer, "http://localhost:9/index", filter, null).getString("id");
        as(bearer).post("/api/subscriptions/" + id + "/pause").then().statusCode(200);
        return id;
    }

    private long planned(String subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from delivery where subscription_id = ?1")
                .setParameter(1, subscriptionId).getSingleResult()).longValue());
    }
}
