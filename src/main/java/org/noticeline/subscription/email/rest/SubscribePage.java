package org.noticeline.subscription.email.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.InvalidException;
import org.noticeline.search.rest.TextFilterParams;
import org.noticeline.security.AnonymousForm;
import org.noticeline.security.Caller;
import org.noticeline.security.CsrfToken;
import org.noticeline.subscription.SubscriptionFilter;
import org.noticeline.subscription.email.EmailSubscriptions;
import org.noticeline.subscription.rest.SubscriptionInput;
import org.noticeline.web.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /subscribe?<a timeline's filters, or a search's>}: the e-mail sign-up form for that selection, and its post. Never cached
 * (it carries a form token), so the timeline pages that link here stay cacheable and shareable. The post is guarded
 * by {@link AnonymousForm} (and, for a signed-in browser, the session's CSRF token as everywhere), takes the same
 * sign-up as {@code POST /api/subscriptions}, and shows the same page whatever the address.
 */
@Path("/subscribe")
@Produces(MediaType.TEXT_HTML)
public class SubscribePage {

    /** A filter value carried through the form. */
    public record Hidden(String name, String value) {
    }

    /** What the form shows: the selection, its hidden fields, what was typed (after an error) and the tokens. */
    public record Form(FilterRows filter, List<Hidden> hidden, String email, String frequency, String timeZone, String error,
                       String formToken, String csrf) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscribe(Form form);

        static native TemplateInstance sent();
    }

    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;
    @Inject
    EmailSubscriptions emails;
    @Inject
    AnonymousForm forms;
    @Inject
    CsrfToken csrf;
    @Inject
    Caller caller;

    @GET
    public Response form(@BeanParam TextFilterParams params, @CookieParam(AnonymousForm.COOKIE) String cookie, @Context UriInfo uri) {
        SubscriptionFilter filter = SubscriptionFilter.of(params.toFilter(catalog.catalog(), config), params.textFilter(catalog.catalog(), config));
        AnonymousForm.Issued issued = forms.issue(cookie, uri.getRequestUri());
        Form form = new Form(FilterRows.of(filter), hidden(filter), "", "immediate", "UTC", null, issued.token(), csrf.of(caller));
        return page(200, Templates.subscribe(form)).cookie(issued.cookie()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@RestForm String email, @RestForm String frequency, @RestForm String timeZone,
                           @RestForm List<String> platform, @RestForm List<String> rule, @RestForm List<String> authority,
                           @RestForm List<String> type, @RestForm List<String> jurisdiction, @RestForm List<String> proceeding,
                           @RestForm List<String> from, @RestForm List<String> to, @RestForm List<String> q,
                           @RestForm(AnonymousForm.FIELD) String formToken,
                           @CookieParam(AnonymousForm.COOKIE) String cookie, @HeaderParam("Origin") String origin,
                           @Context UriInfo uri, @Context HttpServerRequest http) {
        if (!forms.accepts(origin, uri.getRequestUri(), cookie, formToken)) {
            throw new ProblemException(403, "Forbidden", "the form's token is missing or not this browser's; reload the sign-up page and try again", null);
        }
        if (!config.email().enabled()) {
            throw new ProblemException(403, "Forbidden", "e-mail subscriptions are not offered here", null);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        put(raw, "platform", platform);
        put(raw, "rule", rule);
        put(raw, "authority", authority);
        put(raw, "type", type);
        put(raw, "jurisdiction", jurisdiction);
        put(raw, "proceeding", proceeding);
        put(raw, "from", from);
        put(raw, "to", to);
        put(raw, "q", q);
        EmailSubscriptions.SignUp signUp;
        try {
            signUp = SubscriptionInput.signUp(email, frequency, timeZone, raw, null, catalog.catalog(), config);
        } catch (InvalidException e) {
            SubscriptionFilter filter = SubscriptionInput.filter(raw, catalog.catalog(), config);
            Form form = new Form(FilterRows.of(filter), hidden(filter),
                    email == null ? "" : email, frequency, timeZone, e.errors().get(0).field() + ": " + e.getMessage(), formToken, csrf.of(caller));
            return page(422, Templates.subscribe(form)).build();
        }
        return switch (emails.signUp(signUp, "address:" + http.remoteAddress().hostAddress())) {
            case ACCEPTED -> page(200, Templates.sent()).build();
            case CLIENT_CAPPED, TOTAL_CAPPED -> throw ProblemException.tooManyRequests("too many sign-ups; try again in an hour", 3600);
        };
    }

    private static Response.ResponseBuilder page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store");
    }

    private static List<Hidden> hidden(SubscriptionFilter selected) {
        List<Hidden> hidden = new ArrayList<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("platform", selected.platform());
        lists.put("rule", selected.rule());
        lists.put("authority", selected.authority());
        lists.put("type", selected.type());
        lists.put("jurisdiction", selected.jurisdiction());
        lists.put("proceeding", selected.proceeding());
        lists.put("from", single(selected.from()));
        lists.put("to", single(selected.to()));
        lists.put("q", single(selected.q()));
        lists.forEach((name, values) -> values.forEach(v -> hidden.add(new Hidden(name, v))));
        return hidden;
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static void put(Map<String, Object> raw, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            raw.put(name, values);
        }
    }
}
