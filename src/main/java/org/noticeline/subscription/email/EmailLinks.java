package org.noticeline.subscription.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.security.LinkSigner;
import org.noticeline.web.PublicUrls;

/**
 * The links in a subscriber's mails: {@code /email/confirm/{id}/{signature}} (confirmation only) and
 * {@code /email/manage/...} and {@code /email/unsubscribe/...} (one signature for both: who may manage may leave).
 * The signature is an HMAC of the random subscription id under the app secret: nothing to store, nothing to guess,
 * and a deleted subscription's links lead nowhere. Absolute, from {@code noticeline.public-base-url}.
 */
@ApplicationScoped
public class EmailLinks {

    public enum Purpose {
        CONFIRM("email-confirm"), MANAGE("email-manage");

        final String id;

        Purpose(String id) {
            this.id = id;
        }
    }

    @Inject
    LinkSigner signer;
    @Inject
    PublicUrls urls;

    /** The absolute link of a path of {@link #path}. */
    public String confirm(String subscriptionId) {
        return urls.base() + path("confirm", Purpose.CONFIRM, subscriptionId);
    }

    public String manage(String subscriptionId) {
        return urls.base() + path("manage", Purpose.MANAGE, subscriptionId);
    }

    public String unsubscribe(String subscriptionId) {
        return urls.base() + path("unsubscribe", Purpose.MANAGE, subscriptionId);
    }

    /** {@code /email/<page>/<id>/<signature>}: what our own pages' forms post to (relative, so any host we answer on works). */
    public String path(String page, Purpose purpose, String subscriptionId) {
        return "/email/" + page + "/" + subscriptionId + "/" + signer.sign(purpose.id, subscriptionId);
    }

    public String page(String path) {
        return urls.base() + path;
    }

    public boolean verify(Purpose purpose, String subscriptionId, String signature) {
        return subscriptionId != null && signature != null && signer.verify(purpose.id, subscriptionId, signature);
    }

    /** A pseudonym for the caps' table: an HMAC, so the table holds neither addresses nor client addresses. */
    String key(String kind, String value) {
        return signer.sign("email-cap-" + kind, value);
    }
}
