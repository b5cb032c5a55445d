package org.noticeline.subscription.email.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.domain.StoredEnum;
import org.noticeline.security.Caller;
import org.noticeline.security.CsrfToken;
import org.noticeline.subscription.EmailFrequency;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionStatus;
import org.noticeline.subscription.email.EmailLinks;
import org.noticeline.subscription.email.EmailSubscriptions;

import java.util.Optional;

/**
 * The pages behind a subscriber's signed links, which work without signing in: confirm (a button: a GET must not
 * confirm, or a mail scanner following links would), manage (the filter and frequency; change it or leave), and
 * unsubscribe (GET asks, POST deletes). The unsubscribe POST is also RFC 8058's one-click, which mail providers send
 * with {@code List-Unsubscribe=One-Click} and no cookie or CSRF token: the signed link is the credential. A bad or
 * stale signature is a 404, as for a subscription that was deleted. Never cached, and no referrer leaves them.
 */
@Path("/email")
@Produces(MediaType.TEXT_HTML)
public class EmailLinkPages {

    /** A subscriber as the manage page shows it. */
    public record Manage(String address, String status, FilterRows filter, String frequency, String timeZone, String manageUrl,
                         String unsubscribeUrl, String notice, String csrf) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String confirmUrl, String csrf);

        static native TemplateInstance manage(Manage page);

        static native TemplateInstance unsubscribe(String unsubscribeUrl, String csrf);

        static native TemplateInstance unsubscribed();
    }

    @Inject
    EmailSubscriptions emails;
    @Inject
    EmailLinks links;
    @Inject
    CsrfToken csrf;
    @Inject
    Caller caller;

    @GET
    @Path("confirm/{id}/{signature}")
    public Response askToConfirm(@RestPath String id, @RestPath String signature) {
        Subscription s = known(EmailLinks.Purpose.CONFIRM, id, signature);
        if (s.status != SubscriptionStatus.UNCONFIRMED) {
            return page(manage(s, "This subscription is confirmed."));
        }
        return page(Templates.confirm(links.path("confirm", EmailLinks.Purpose.CONFIRM, id), csrf.of(caller)));
    }

    @POST
    @Path("confirm/{id}/{signature}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestPath String id, @RestPath String signature) {
        known(EmailLinks.Purpose.CONFIRM, id, signature);
        Subscription s = emails.confirm(id).orElseThrow(() -> new NotFoundException("subscription", id));
        return page(manage(s, "Confirmed: matching notices will be e-mailed to you from now on."));
    }

    @GET
    @Path("manage/{id}/{signature}")
    public Response manage(@RestPath String id, @RestPath String signature) {
        return page(manage(known(EmailLinks.Purpose.MANAGE, id, signature), null));
    }

    @POST
    @Path("manage/{id}/{signature}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath String id, @RestPath String signature, @RestForm String frequency) {
        known(EmailLinks.Purpose.MANAGE, id, signature);
        EmailFrequency chosen = Optional.ofNullable(frequency).flatMap(f -> StoredEnum.fromId(EmailFrequency.class, f.strip()))
                .orElseThrow(() -> InvalidException.of("frequency", "expected immediate, daily or weekly"));
        Subscription s = emails.changeFrequency(id, chosen).orElseThrow(() -> new NotFoundException("subscription", id));
        return page(manage(s, s.status == SubscriptionStatus.ACTIVE ? "Saved: you now get " + describe(chosen) + "."
                : "Confirm the subscription first (the link is in the confirmation mail)."));
    }

    @GET
    @Path("unsubscribe/{id}/{signature}")
    public Response askToUnsubscribe(@RestPath String id, @RestPath String signature) {
        known(EmailLinks.Purpose.MANAGE, id, signature);
        return page(Templates.unsubscribe(links.path("unsubscribe", EmailLinks.Purpose.MANAGE, id), csrf.of(caller)));
    }

    /** Deletes the subscription; answers the same page when it was already gone, since a one-click POST may come twice. */
    @POST
    @Path("unsubscribe/{id}/{signature}")
    public Response unsubscribe(@RestPath String id, @RestPath String signature) {
        if (!links.verify(EmailLinks.Purpose.MANAGE, id, signature)) {
            throw new NotFoundException("subscription", id);
        }
        emails.unsubscribe(id);
        return page(Templates.unsubscribed());
    }

    private Subscription known(EmailLinks.Purpose purpose, String id, String signature) {
        if (!links.verify(purpose, id, signature)) {
            throw new NotFoundException("subscription", id);
        }
        return emails.find(id).orElseThrow(() -> new NotFoundException("subscription", id));
    }

    private TemplateInstance manage(Subscription s, String notice) {
        return Templates.manage(new Manage(s.target, s.status.id(), FilterRows.of(emails.filter(s)), s.frequency.id(), s.timeZone,
                links.path("manage", EmailLinks.Purpose.MANAGE, s.id),
                links.path("unsubscribe", EmailLinks.Purpose.MANAGE, s.id), notice, csrf.of(caller)));
    }

    private static String describe(EmailFrequency frequency) {
        return switch (frequency) {
            case IMMEDIATE -> "one mail per matching change";
            case DAILY -> "a daily digest";
            case WEEKLY -> "a weekly digest";
        };
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
