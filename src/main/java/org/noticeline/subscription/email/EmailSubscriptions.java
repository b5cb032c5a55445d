package org.noticeline.subscription.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.subscription.Channel;
import org.noticeline.subscription.Delivery;
import org.noticeline.subscription.DeliveryStatus;
import org.noticeline.subscription.EmailFrequency;
import org.noticeline.subscription.EventType;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionFilter;
import org.noticeline.subscription.SubscriptionService;
import org.noticeline.subscription.SubscriptionVersions;
import org.noticeline.subscription.SubscriptionStatus;
import org.noticeline.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every write to e-mail subscriptions, each one transaction: sign up (caps, an unconfirmed subscription and its
 * confirmation delivery), confirm, change the frequency, unsubscribe (deleted), and expire what was never confirmed
 * (deleted too). Nothing here tells a caller whether an address is already known.
 */
@ApplicationScoped
public class EmailSubscriptions {

    /** What a visitor asked for, already validated. */
    public record SignUp(EmailAddress address, EmailFrequency frequency, ZoneId zone, SubscriptionFilter filter, List<EventType> events) {
    }

    /**
     * The outcome: accepted (whether or not a mail goes out: the per-address cap drops a sign-up silently, so the
     * answer never tells one address from another), or refused for the client's cap or the service's daily total.
     */
    public enum Outcome { ACCEPTED, CLIENT_CAPPED, TOTAL_CAPPED }

    static final String CONFIRMATION = "confirmation";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);

    @Inject
    EntityManager em;
    @Inject
    ChangeLog log;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    SubscriptionVersions versions;
    @Inject
    EmailLinks links;
    @Inject
    ObjectMapper json;

    @Transactional
    public Outcome signUp(SignUp request, String client) {
        em.createNativeQuery("select name from app_lock where name = 'email-signup' for update").getResultList();
        Instant now = clock.now();
        String clientKey = links.key("client", client);
        String addressKey = links.key("address", request.address().key());
        NoticelineConfig.Email caps = config.email();
        if (count("client_key = ?1 and at > ?2", clientKey, now.minus(HOUR)) >= caps.maxSignUpsPerClient()) {
            return Outcome.CLIENT_CAPPED;
        }
        if (count("mailed = true and at > ?1", now.minus(DAY)) >= caps.maxConfirmationsTotal()) {
            return Outcome.TOTAL_CAPPED;
        }
        boolean mail = count("mailed = true and address_key = ?1 and at > ?2", addressKey, now.minus(DAY)) < caps.maxConfirmationsPerAddress();
        em.createNativeQuery("insert into email_signup (at, client_key, address_key, mailed) values (?1, ?2, ?3, ?4)")
                .setParameter(1, now).setParameter(2, clientKey).setParameter(3, addressKey).setParameter(4, mail).executeUpdate();
        if (mail) {
            create(request, now);
        }
        return Outcome.ACCEPTED;
    }

    private void create(SignUp request, Instant now) {
        Subscription s = new Subscription();
        s.id = SubscriptionService.newId();
        s.channel = Channel.EMAIL;
        s.target = request.address().value();
        SubscriptionFilter filter = request.filter();
        s.filterJson = write(filter);
        s.events = request.events().stream().distinct().map(EventType::id).collect(Collectors.joining(","));
        s.status = SubscriptionStatus.UNCONFIRMED;
        s.frequency = request.frequency();
        s.timeZone = request.zone().getId();
        s.startAfter = log.head();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        em.flush();
        versions.changed(s);
        Delivery d = new Delivery();
        d.subscriptionId = s.id;
        d.eventType = CONFIRMATION;
        d.messageId = "msg_" + s.id.substring(4) + "_confirm";
        d.payload = write(Map.of("type", CONFIRMATION, "frequency", s.frequency.id()));
        d.status = DeliveryStatus.PENDING;
        d.createdAt = now;
        d.nextAttemptAt = now;
        d.persist();
    }

    /**
     * Confirms a sign-up: from now on matching changes are planned for it (none from before: it starts at the head of
     * the log as it is now), and a digest subscriber's first digest is scheduled. Confirming twice changes nothing.
     */
    @Transactional
    public Optional<Subscription> confirm(String id) {
        Subscription s = locked(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.status == SubscriptionStatus.UNCONFIRMED) {
            Instant now = clock.now();
            s.status = SubscriptionStatus.ACTIVE;
            s.confirmedAt = now;
            s.startAfter = log.head();
            s.updatedAt = now;
            s.nextDigestAt = s.digest() ? schedule().next(now, ZoneId.of(s.timeZone), s.frequency) : null;
            versions.changed(s);
        }
        return Optional.of(s);
    }

    /** A confirmed subscription, for its manage page. */
    @Transactional
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(Subscription.<Subscription>findById(id)).filter(s -> s.channel == Channel.EMAIL);
    }

    /**
     * A new frequency. Changes held for a digest stay held when the new one is a digest too; going to immediate sends
     * them out one by one, so nothing is lost either way.
     */
    @Transactional
    public Optional<Subscription> changeFrequency(String id, EmailFrequency frequency) {
        Subscription s = locked(id);
        if (s == null || s.status != SubscriptionStatus.ACTIVE) {
            return Optional.ofNullable(s);
        }
        Instant now = clock.now();
        s.frequency = frequency;
        s.updatedAt = now;
        // The planners hold a digest subscriber's changes back: they must learn of the new frequency.
        versions.changed(s);
        s.nextDigestAt = frequency.digest() ? schedule().next(now, ZoneId.of(s.timeZone), frequency) : null;
        if (!frequency.digest()) {
            em.createNativeQuery("update delivery set status = 'pending', next_attempt_at = ?1 where subscription_id = ?2 and status = 'held'")
                    .setParameter(1, now).setParameter(2, s.id).executeUpdate();
        }
        return Optional.of(s);
    }

    /**
     * Sends on the changes held for a subscriber who no longer takes digests: a planner that had not yet seen the new
     * frequency may have held one after {@link #changeFrequency} released the others.
     */
    @Transactional
    public int releaseHeldOfImmediate() {
        return em.createNativeQuery("update delivery set status = 'pending', next_attempt_at = ?1 where status = 'held' and subscription_id in"
                        + " (select id from subscription where channel = 'email' and frequency = 'immediate')")
                .setParameter(1, clock.now()).executeUpdate();
    }

    /** Deletes the subscription, its address and its deliveries: nothing of it is kept. Answers whether there was one. */
    @Transactional
    public boolean unsubscribe(String id) {
        Subscription s = locked(id);
        if (s == null) {
            return false;
        }
        subscriptions.purge(s);
        return true;
    }

    /** Deletes sign-ups never confirmed within {@code noticeline.email.confirm-within}, and cap records older than a day. */
    @Transactional
    public int expire() {
        Instant now = clock.now();
        List<Subscription> stale = Subscription.list("channel = ?1 and status = ?2 and createdAt < ?3", Channel.EMAIL,
                SubscriptionStatus.UNCONFIRMED, now.minus(config.email().confirmWithin()));
        stale.forEach(subscriptions::purge);
        em.createNativeQuery("delete from email_signup where at < ?1").setParameter(1, now.minus(DAY)).executeUpdate();
        return stale.size();
    }

    public DigestSchedule schedule() {
        return new DigestSchedule(config.email().digestHour(), config.email().digestDay());
    }

    public SubscriptionFilter filter(Subscription s) {
        return subscriptions.filter(s);
    }

    private Subscription locked(String id) {
        Subscription s = id == null ? null : em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        return s == null || s.channel != Channel.EMAIL ? null : s;
    }

    private long count(String where, Object... parameters) {
        var query = em.createNativeQuery("select count(*) from email_signup where " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("always serialisable", e);
        }
    }
}
