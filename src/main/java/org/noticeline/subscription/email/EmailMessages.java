package org.noticeline.subscription.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The mails, each in HTML and plain text from type-safe Qute templates ({@code templates/EmailMessages/}): the
 * confirmation, one change, a digest. HTML is escaped by Qute; nothing a visitor typed is in any of them (the
 * confirmation names only the frequency chosen from a fixed list; the filter is shown on the pages the links open).
 */
@ApplicationScoped
public class EmailMessages {

    /** One mail, ready to send. */
    public record Message(String subject, String html, String text) {
    }

    /** The links every mail ends with. */
    public record Footer(String manageUrl, String unsubscribeUrl) {
    }

    /** One change as a mail lists it. */
    public record Item(String event, String title, String date, String type, String authority, String summary, String url) {
    }

    public record Confirmation(String frequency, String confirmUrl, Footer footer) {
    }

    public record Single(Item item, Footer footer) {
    }

    public record Digest(String frequency, List<Item> items, int more, String timelineUrl, Footer footer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmationHtml(Confirmation mail);

        static native TemplateInstance confirmationText(Confirmation mail);

        static native TemplateInstance singleHtml(Single mail);

        static native TemplateInstance singleText(Single mail);

        static native TemplateInstance digestHtml(Digest mail);

        static native TemplateInstance digestText(Digest mail);
    }

    @Inject
    EmailLinks links;

    Message confirmation(String subscriptionId, String frequency) {
        Confirmation mail = new Confirmation(frequency, links.confirm(subscriptionId), footer(subscriptionId));
        return new Message("Confirm your Noticeline subscription", Templates.confirmationHtml(mail).render(),
                Templates.confirmationText(mail).render());
    }

    Message single(String subscriptionId, JsonNode payload) {
        Item item = item(payload);
        Single mail = new Single(item, footer(subscriptionId));
        return new Message("Noticeline: " + item.event() + ": " + item.title(), Templates.singleHtml(mail).render(), Templates.singleText(mail).render());
    }

    Message digest(String subscriptionId, JsonNode payload) {
        List<Item> items = new ArrayList<>();
        payload.path("items").forEach(p -> items.add(item(p)));
        int more = payload.path("more").asInt(0);
        String frequency = payload.path("frequency").asText("daily");
        Digest mail = new Digest(frequency, items, more, links.page("/"), footer(subscriptionId));
        int total = items.size() + more;
        return new Message("Noticeline " + frequency + " digest: " + total + (total == 1 ? " change" : " changes"),
                Templates.digestHtml(mail).render(), Templates.digestText(mail).render());
    }

    private Footer footer(String subscriptionId) {
        return new Footer(links.manage(subscriptionId), links.unsubscribe(subscriptionId));
    }

    private Item item(JsonNode payload) {
        JsonNode notice = payload.path("data").path("notice");
        String slug = notice.path("slug").asText();
        return new Item(event(payload.path("type").asText()), oneLine(notice.path("title").asText()), notice.path("date").asText(),
                notice.path("type").asText(""), notice.path("authority").asText(""), notice.path("summary").asText(""),
                links.page("/notices/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String event(String type) {
        return switch (type) {
            case "notice.new" -> "New";
            case "notice.revised" -> "Revised";
            case "notice.withdrawn" -> "Withdrawn";
            case "notice.relinked" -> "Relinked";
            default -> "Changed";
        };
    }

    /** A title fit for a subject line: no control characters (no header can be smuggled in), at most 150 characters. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= 150 ? line : line.substring(0, 149) + "…";
    }
}
