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
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import org.noticeline.subscription.Channel;
import org.noticeline.subscription.Delivery;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionFilter;
import org.noticeline.subscription.SubscriptionService;
import org.noticeline.subscription.SubscriptionWorker;
import org.noticeline.subscription.email.EmailSubscriptions;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Webhook subscriptions of the calling token ({@code subscribe} scope; {@code admin} includes it): create (the
 * signing secret is in that answer only), list, read, change, delete, pause, resume, rotate the secret, ping, and
 * the deliveries with redelivery. Another owner's subscription is a 404, except to an administrator. An e-mail
 * sign-up ({@code "channel": "email"}) needs no token and is answered 202 with the same body whatever the address:
 * what follows is the confirmation mail's business.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    public record NewSubscription(String channel, String url, String email, String frequency, String timeZone,
                                  Map<String, Object> filter, List<String> events) {
    }

    /** The one answer to every accepted e-mail sign-up. */
    public record SignUpAnswer(String status, String detail) {
        static final SignUpAnswer ACCEPTED = new SignUpAnswer("accepted", "If the address can receive mail, a confirmation link is on"
                + " its way. Nothing else is sent until it is followed; unconfirmed sign-ups are deleted after 48 hours.");
    }

    /** What a client over a sign-up cap is told to wait, in seconds. */
    static final long CAPPED_RETRY_AFTER = 3600;

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
    @Inject
    EmailSubscriptions emails;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body with url, filter and events is required") NewSubscription request,
                           @Context HttpServerRequest http) {
        if (SubscriptionInput.channel(request.channel()) == Channel.EMAIL) {
            return signUp(request, http);
        }
        if (!caller.authenticated()) {
            throw new ProblemException(401, "Unauthorized", "a webhook subscription needs 'Authorization: Bearer <token>' with the subscribe scope", null);
        }
        if (!caller.grants(Scope.SUBSCRIBE)) {
            throw new ProblemException(403, "Forbidden", "token '" + caller.name() + "' lacks the 'subscribe' scope", null);
        }
        SubscriptionFilter filter = SubscriptionInput.filter(request.filter(), catalog.catalog(), config);
        SubscriptionService.WithSecret created = subscriptions.create(owner(), SubscriptionInput.channel(request.channel()),
                request.url(), filter, SubscriptionInput.events(request.events(), true));
        return Response.created(URI.create("/api/subscriptions/" + created.subscription().id))
                .entity(view(created.subscription(), created.secret())).build();
    }

    private Response signUp(NewSubscription request, HttpServerRequest http) {
        if (!config.email().enabled()) {
            throw new ProblemException(403, "Forbidden", "e-mail subscriptions are not offered here (noticeline.email.enabled=false)", null);
        }
        EmailSubscriptions.SignUp signUp = SubscriptionInput.signUp(request.email(), request.frequency(), request.timeZone(),
                request.filter(), request.events(), catalog.catalog(), config);
        return switch (emails.signUp(signUp, "address:" + http.remoteAddress().hostAddress())) {
            case ACCEPTED -> Response.accepted(SignUpAnswer.ACCEPTED).build();
            case CLIENT_CAPPED -> throw ProblemException.tooManyRequests("too many sign-ups from this client in the last hour"
                    + " (noticeline.email.max-sign-ups-per-client)", CAPPED_RETRY_AFTER);
            case TOTAL_CAPPED -> throw ProblemException.tooManyRequests("the service has sent as many confirmation mails as it may in a day"
                    + " (noticeline.email.max-confirmations-total); try again later", CAPPED_RETRY_AFTER);
        };
    }

    @GET
    @Secured(Scope.SUBSCRIBE)
    public List<SubscriptionView> list(@RestQuery List<String> all) {
        boolean everyone = QueryValues.bool("all", QueryValues.single("all", all));
        return subscriptions.list(owner(), everyone).stream().map(s -> view(s, null)).toList();
    }

    @GET
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}")
    public SubscriptionView get(@RestPath String id) {
        return view(subscriptions.get(owner(), id), null);
    }

    @PATCH
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubscriptionView update(@RestPath String id, @NotNull(message = "a JSON body with url, filter or events is required") Changes request) {
        SubscriptionFilter filter = request.filter() == null ? null : SubscriptionInput.filter(request.filter(), catalog.catalog(), config);
        return view(subscriptions.update(owner(), id, request.url(), filter, SubscriptionInput.events(request.events(), false)), null);
    }

    @DELETE
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}")
    public Response delete(@RestPath String id) {
        subscriptions.delete(owner(), id);
        return Response.noContent().build();
    }

    @POST
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}/pause")
    public SubscriptionView pause(@RestPath String id) {
        return view(subscriptions.pause(owner(), id), null);
    }

    @POST
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}/resume")
    public SubscriptionView resume(@RestPath String id) {
        SubscriptionView view = view(subscriptions.resume(owner(), id), null);
        worker.wake();
        return view;
    }

    @POST
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}/rotate-secret")
    public SubscriptionView rotate(@RestPath String id) {
        SubscriptionService.WithSecret rotated = subscriptions.rotate(owner(), id);
        return view(rotated.subscription(), rotated.secret());
    }

    @POST
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}/ping")
    public Response ping(@RestPath String id) {
        Delivery ping = subscriptions.ping(owner(), id);
        worker.wake();
        return Response.accepted(DeliveryView.of(ping)).build();
    }

    @GET
    @Secured(Scope.SUBSCRIBE)
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@RestPath String id, @RestQuery List<String> limit) {
        int n = (int) QueryValues.number("limit", QueryValues.single("limit", limit), 1, config.maxPageSize(), config.pageSize());
        return subscriptions.deliveries(owner(), id, n).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Secured(Scope.SUBSCRIBE)
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
