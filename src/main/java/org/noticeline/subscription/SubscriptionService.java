package org.noticeline.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.outbound.AddressPolicy;
import org.noticeline.outbound.OutboundException;
import org.noticeline.time.AppClock;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every write to subscriptions: create (the secret is known only then), change, pause, resume, rotate the secret,
 * ping, redeliver, delete. Owners see and change their own only (another's is "not found"); an administrator may
 * act on any.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Who acts: the token's id and name, and whether it is an administrator. */
    public record Owner(long tokenId, String name, boolean admin) {
    }

    /** A subscription with its secret, the only moment it is shown (creation, rotation). */
    public record WithSecret(Subscription subscription, String secret) {
    }

    static final int MAX_URL = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    ChangeLog log;
    @Inject
    ObjectMapper json;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    SubscriptionVersions versions;

    @Transactional
    public WithSecret create(Owner owner, Channel channel, String target, SubscriptionFilter filter, List<EventType> events) {
        String url = checkTarget(target);
        long owned = Subscription.count("ownerTokenId", owner.tokenId());
        if (owned >= config.subscriptions().maxPerOwner()) {
            throw new ConflictException("token '" + owner.name() + "' owns " + owned + " subscriptions, the most allowed"
                    + " (noticeline.subscriptions.max-per-owner)");
        }
        Instant now = clock.now();
        Subscription s = new Subscription();
        s.id = newId();
        s.ownerTokenId = owner.tokenId();
        s.ownerName = owner.name();
        s.channel = channel;
        s.target = url;
        s.filterJson = write(filter);
        s.events = ids(events);
        s.status = SubscriptionStatus.ACTIVE;
        s.secret = WebhookSignature.newSecret();
        s.startAfter = log.head();
        s.createdAt = now;
        s.updatedAt = now;
        versions.changed(s);
        s.persist();
        return new WithSecret(s, s.secret);
    }

    @Transactional
    public List<Subscription> list(Owner owner, boolean all) {
        return all && owner.admin() ? Subscription.list("order by createdAt, id")
                : Subscription.list("ownerTokenId = ?1 order by createdAt, id", owner.tokenId());
    }

    @Transactional
    public Subscription get(Owner owner, String id) {
        Subscription s = Subscription.findById(id);
        if (s == null || !(owner.admin() || java.util.Objects.equals(s.ownerTokenId, owner.tokenId()))) {
            throw new NotFoundException("subscription", id);
        }
        return s;
    }

    /** Changes what is given (null: unchanged). A new filter or event list applies to changes not yet planned. */
    @Transactional
    public Subscription update(Owner owner, String id, String target, SubscriptionFilter filter, List<EventType> events) {
        Subscription s = locked(owner, id);
        if (target != null) {
            s.target = checkTarget(target);
        }
        if (filter != null) {
            s.filterJson = write(filter);
        }
        if (events != null) {
            s.events = ids(events);
        }
        if (filter != null || events != null) {
            versions.changed(s);
        }
        s.updatedAt = clock.now();
        return s;
    }

    @Transactional
    public void delete(Owner owner, String id) {
        purge(locked(owner, id));
    }

    /** Deletes a subscription with its deliveries, inside the caller's transaction; the planners' indexes drop it. */
    public void purge(Subscription s) {
        versions.removed(s.id);
        em.createNativeQuery("delete from delivery where subscription_id = ?1").setParameter(1, s.id).executeUpdate();
        s.delete();
    }

    @Transactional
    public Subscription pause(Owner owner, String id) {
        Subscription s = locked(owner, id);
        if (s.status == SubscriptionStatus.ACTIVE) {
            s.status = SubscriptionStatus.PAUSED;
            s.statusReason = "paused at " + clock.now() + " by " + owner.name();
            s.updatedAt = clock.now();
        }
        return s;
    }

    /** Active again (also after a 410 or a day of failures), unless its owner token can no longer be used. */
    @Transactional
    public Subscription resume(Owner owner, String id) {
        Subscription s = locked(owner, id);
        Object usable = em.createNativeQuery("select count(*) from api_token where id = ?1 and revoked_at is null"
                        + " and (expires_at is null or expires_at > ?2)")
                .setParameter(1, s.ownerTokenId).setParameter(2, Instant.now()).getSingleResult();
        if (((Number) usable).longValue() == 0) {
            throw new ConflictException("the token that owns subscription " + s.id + " was revoked or has expired; create a new subscription");
        }
        if (s.status == SubscriptionStatus.DISABLED) {
            versions.changed(s);
        }
        s.status = SubscriptionStatus.ACTIVE;
        s.statusReason = null;
        s.failingSince = null;
        s.updatedAt = clock.now();
        return s;
    }

    /** A new secret; the old one keeps signing too for {@code noticeline.subscriptions.secret-overlap}. */
    @Transactional
    public WithSecret rotate(Owner owner, String id) {
        Subscription s = locked(owner, id);
        Instant now = clock.now();
        s.previousSecret = s.secret;
        s.previousSecretUntil = now.plus(config.subscriptions().secretOverlap());
        s.secret = WebhookSignature.newSecret();
        s.updatedAt = now;
        return new WithSecret(s, s.secret);
    }

    /** Queues a delivery of type {@code ping} (tried once; held while the subscription is not active). */
    @Transactional
    public Delivery ping(Owner owner, String id) {
        Subscription s = get(owner, id);
        Instant now = clock.now();
        String messageId = "msg_" + HexFormat.of().formatHex(randomBytes(16));
        Delivery d = new Delivery();
        d.subscriptionId = s.id;
        d.eventType = "ping";
        d.messageId = messageId;
        d.payload = write(Map.of("type", "ping", "timestamp", now.toString(), "data", Map.of("subscription", s.id)));
        d.status = DeliveryStatus.PENDING;
        d.createdAt = now;
        d.nextAttemptAt = now;
        d.persist();
        return d;
    }

    @Transactional
    public List<Delivery> deliveries(Owner owner, String id, int limit) {
        Subscription s = get(owner, id);
        return Delivery.<Delivery>find("subscriptionId = ?1 order by id desc", s.id).range(0, limit - 1).list();
    }

    /** Sends a delivery again from the start of its schedule, with the same payload and message id (dead letters too). */
    @Transactional
    public Delivery redeliver(Owner owner, String id, long deliveryId) {
        Subscription s = get(owner, id);
        Delivery d = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.subscriptionId.equals(s.id)) {
            throw new NotFoundException("delivery", String.valueOf(deliveryId));
        }
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = clock.now();
        d.leaseUntil = null;
        d.leasedBy = null;
        return d;
    }

    public SubscriptionFilter filter(Subscription s) {
        return SubscriptionFilter.fromJson(json, s.id, s.filterJson);
    }

    private Subscription locked(Owner owner, String id) {
        Subscription s = get(owner, id);
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        return s;
    }

    /**
     * A webhook URL we may send to: absolute https (http only to loopback, where private addresses are allowed, as in
     * tests), a host, no user info or fragment. Literal addresses are checked against the outbound policy now; names
     * are checked at every attempt, when they are looked up.
     */
    String checkTarget(String target) {
        if (target == null || target.isBlank()) {
            throw InvalidException.of("url", "a URL is required");
        }
        String url = target.strip();
        if (url.length() > MAX_URL) {
            throw InvalidException.of("url", "at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw InvalidException.of("url", "'" + FieldError.excerpt(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            throw InvalidException.of("url", "'" + FieldError.excerpt(url) + "' is not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw InvalidException.of("url", "a webhook URL carries no user info and no fragment");
        }
        boolean privateAllowed = config.outbound().allowPrivateAddresses();
        boolean loopback = isLoopbackName(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && privateAllowed && loopback)) {
            throw InvalidException.of("url", "must be https" + (privateAllowed ? " (or http to a loopback address)" : ""));
        }
        if (loopback || host.startsWith("[") || host.matches("[0-9.]+")) {
            try {
                new AddressPolicy(privateAllowed).check(host);
            } catch (OutboundException e) {
                throw InvalidException.of("url", e.getMessage());
            }
        }
        return uri.toString();
    }

    /** Whether a URL's host names loopback, a fully qualified name's final dot ({@code localhost.}) included. */
    static boolean isLoopbackName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        String h = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}") || h.equals("[::1]");
    }

    private static String ids(List<EventType> events) {
        return events.stream().distinct().map(EventType::id).collect(Collectors.joining(","));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("always serialisable", e);
        }
    }

    /** A new subscription id: random, so that one cannot be guessed from another. */
    public static String newId() {
        return "sub_" + HexFormat.of().formatHex(randomBytes(12));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
