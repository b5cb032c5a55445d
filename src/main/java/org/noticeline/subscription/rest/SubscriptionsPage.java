package org.noticeline.subscription.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.security.Caller;
import org.noticeline.security.CsrfToken;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionService;

import java.util.List;

/**
 * The signed-in token holder's webhook subscriptions, each with its recent deliveries (status, attempts, last error,
 * next attempt), so that a failing endpoint or a dead letter is seen without the API. Read-only; changes go through
 * {@code /api/subscriptions}.
 */
@Path("/admin/subscriptions")
@Secured(Scope.SUBSCRIBE)
public class SubscriptionsPage {

    static final int RECENT = 10;

    /** One subscription as the page shows it. */
    public record Row(String id, String url, String status, String statusReason, List<String> events, String filter,
                      List<SubscriptionResource.DeliveryView> deliveries) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscriptions(List<Row> rows, String holder, String csrf);
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    Caller caller;
    @Inject
    CsrfToken csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        SubscriptionService.Owner owner = new SubscriptionService.Owner(caller.tokenId(), caller.name(), false);
        List<Row> rows = subscriptions.list(owner, false).stream().map(s -> row(owner, s)).toList();
        return Templates.subscriptions(rows, caller.name(), csrf.of(caller));
    }

    private Row row(SubscriptionService.Owner owner, Subscription s) {
        List<SubscriptionResource.DeliveryView> recent = subscriptions.deliveries(owner, s.id, RECENT).stream()
                .map(SubscriptionResource.DeliveryView::of).toList();
        return new Row(s.id, s.target, s.status.id(), s.statusReason, s.eventList().stream().map(e -> e.id()).toList(),
                subscriptions.filter(s).describe(), recent);
    }
}
