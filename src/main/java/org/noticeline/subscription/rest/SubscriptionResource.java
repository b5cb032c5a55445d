package org.noticeline.subscription.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.subscription.Delivery;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionFilter;
import org.noticeline.subscription.SubscriptionService;
import org.noticeline.subscription.SubscriptionWorker;
import org.noticeline.web.QueryValues;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Webhook subscriptions of the calling token ({@code subscribe} scope; {@code admin} includes it): create (the
 * signing secret is in that answer only), list, read, change, delete, pause, resume, rotate the secret, ping, and
 * the deliveries with redelivery. Another owner's subscription is a 404, except to an administrator.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Scope.SUBSCRIBE)
public class SubscriptionResource {

    public record NewSubscription(String channel, String url, Map<String, Object> filter, List<String> events) {
    }

    public record Changes(String url, Map<String, Object> filter, List<String> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(String id, String channel, String url, SubscriptionFilter filter, List<String> events, String status,
                                   String statusReason, String owner, Instant created, Instant updated, Instant previousSecretExpires,
                                   String secret) {
    }

    public record DeliveryView(long id, String type, Long seq, String webhookId, String status, int attempts, String lastError,
                               Integer responseStatus, Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.eventType, d.seq, d.messageId, d.status.id(), d.attempts, d.lastError, d.responseStatus,
                    d.lastAttemptAt, d.nextAttemptAt, d.createdAt, d.deliveredAt);
        }
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SubscriptionWorker worker;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body with url, filter and events is required") NewSubscription request) {
        NoticeFilter filter = SubscriptionInput.filter(request.filter(), catalog.catalog(), config);
        SubscriptionService.WithSecret created = subscriptions.create(owner(), SubscriptionInput.channel(request.channel()),
                request.url(), filter, SubscriptionInput.events(request.events(), true));
        return Response.created(URI.create("/api/subscriptions/" + created.subscription().id))
                .entity(view(created.subscription(), created.secret())).build();
    }

    @GET
    public List<SubscriptionView> list(@RestQuery List<String> all) {
        boolean everyone = QueryValues.bool("all", QueryValues.single("all", all));
        return subscriptions.list(owner(), everyone).stream().map(s -> view(s, null)).toList();
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@RestPath String id) {
        return view(subscriptions.get(owner(), id), null);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubscriptionView update(@RestPath String id, @NotNull(message = "a JSON body with url, filter or events is required") Changes request) {
        NoticeFilter filter = request.filter() == null ? null : SubscriptionInput.filter(request.filter(), catalog.catalog(), config);
        return view(subscriptions.update(owner(), id, request.url(), filter, SubscriptionInput.events(request.events(), false)), null);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@RestPath String id) {
        subscriptions.delete(owner(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    public SubscriptionView pause(@RestPath String id) {
        return view(subscriptions.pause(owner(), id), null);
    }

    @POST
    @Path("{id}/resume")
    public SubscriptionView resume(@RestPath String id) {
        SubscriptionView view = view(subscriptions.resume(owner(), id), null);
        worker.wake();
        return view;
    }

    @POST
    @Path("{id}/rotate-secret")
    public SubscriptionView rotate(@RestPath String id) {
        SubscriptionService.WithSecret rotated = subscriptions.rotate(owner(), id);
        return view(rotated.subscription(), rotated.secret());
    }

    @POST
    @Path("{id}/ping")
    public Response ping(@RestPath String id) {
        Delivery ping = subscriptions.ping(owner(), id);
        worker.wake();
        return Response.accepted(DeliveryView.of(ping)).build();
    }

    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@RestPath String id, @RestQuery List<String> limit) {
        int n = (int) QueryValues.number("limit", QueryValues.single("limit", limit), 1, config.maxPageSize(), config.pageSize());
        return subscriptions.deliveries(owner(), id, n).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@RestPath String id, @RestPath long deliveryId) {
        Delivery delivery = subscriptions.redeliver(owner(), id, deliveryId);
        worker.wake();
        return Response.accepted(DeliveryView.of(delivery)).build();
    }

    private SubscriptionService.Owner owner() {
        return new SubscriptionService.Owner(caller.tokenId(), caller.name(), caller.grants(Scope.ADMIN));
    }

    private SubscriptionView view(Subscription s, String secret) {
        return new SubscriptionView(s.id, s.channel.id(), s.target, subscriptions.filter(s),
                new ArrayList<>(s.eventList().stream().map(e -> e.id()).toList()), s.status.id(), s.statusReason, s.ownerName,
                s.createdAt, s.updatedAt, s.previousSecret == null ? null : s.previousSecretUntil, secret);
    }
}
