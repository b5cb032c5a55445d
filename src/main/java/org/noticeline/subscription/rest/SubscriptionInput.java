package org.noticeline.subscription.rest;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.search.rest.TextFilterParams;
import org.noticeline.domain.StoredEnum;
import org.noticeline.subscription.Channel;
import org.noticeline.subscription.EmailFrequency;
import org.noticeline.subscription.EventType;
import org.noticeline.subscription.SubscriptionFilter;
import org.noticeline.subscription.email.EmailAddress;
import org.noticeline.subscription.email.EmailSubscriptions;
import org.noticeline.web.ProblemException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading a subscription's body: the filter as {@code /api/notices} takes it (each value a string or a list of
 * strings) and {@code q} as {@code /api/search} takes it, checked by {@link NoticeFilterParams} against the catalog, every problem named {@code filter.<name>};
 * the events by their ids; an e-mail sign-up's address, frequency and time zone. Sizes are capped first, so no
 * value reaches a message whole. Shared with the {@code /subscribe} form, which takes the same sign-up.
 */
public final class SubscriptionInput {

    static final int MAX_VALUES = 50;
    static final int MAX_VALUE_LENGTH = 200;
    static final int MAX_EVENTS = 10;
    private static final List<String> FILTERS = List.of("platform", "rule", "authority", "type", "jurisdiction", "proceeding", "from", "to", "q");

    private SubscriptionInput() {
    }

    static final int MAX_ZONE_LENGTH = 64;

    public static Channel channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return Channel.WEBHOOK;
        }
        return Optional.of(channel.strip()).flatMap(c -> java.util.Arrays.stream(Channel.values()).filter(v -> v.id().equals(c)).findFirst())
                .orElseThrow(() -> InvalidException.of("channel", "'" + FieldError.excerpt(channel) + "' is not a channel; expected webhook or email"));
    }

    public static List<EventType> events(List<String> events, boolean required) {
        if (events == null) {
            return required ? List.of(EventType.NOTICE_NEW) : null;
        }
        if (events.isEmpty()) {
            throw InvalidException.of("events", "at least one of " + ids());
        }
        if (events.size() > MAX_EVENTS) {
            throw InvalidException.of("events", "at most " + MAX_EVENTS + " events");
        }
        List<EventType> types = new ArrayList<>();
        for (String event : events) {
            types.add(EventType.fromId(event == null ? "" : event.strip()).orElseThrow(() -> InvalidException.of("events",
                    "'" + FieldError.excerpt(event) + "' is not an event; expected one of " + ids())));
        }
        return types.stream().distinct().toList();
    }

    /** An e-mail sign-up as the API and the form take it: frequency {@code immediate} and zone {@code UTC} unless given. */
    public static EmailSubscriptions.SignUp signUp(String email, String frequency, String timeZone, Map<String, Object> filter,
                                                   List<String> events, Catalog catalog, NoticelineConfig config) {
        EmailAddress address = EmailAddress.parse(email);
        EmailFrequency chosen = frequency(frequency);
        ZoneId zone = zone(timeZone);
        return new EmailSubscriptions.SignUp(address, chosen, zone, filter(filter, catalog, config), events(events, true));
    }

    static EmailFrequency frequency(String frequency) {
        if (frequency == null || frequency.isBlank()) {
            return EmailFrequency.IMMEDIATE;
        }
        return StoredEnum.fromId(EmailFrequency.class, frequency.strip()).orElseThrow(() -> InvalidException.of("frequency",
                "'" + FieldError.excerpt(frequency) + "' is not a frequency; expected immediate, daily or weekly"));
    }

    /** A region id of the IANA database ({@code Europe/Brussels}) or {@code UTC}; offsets and abbreviations are refused. */
    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        String id = timeZone.strip();
        if (id.length() > MAX_ZONE_LENGTH || !(id.equals("UTC") || ZoneId.getAvailableZoneIds().contains(id))) {
            throw InvalidException.of("timeZone", "'" + FieldError.excerpt(id) + "' is not a time zone; expected an IANA id such as Europe/Brussels");
        }
        return ZoneId.of(id);
    }

    /** The filter of a body: the timeline filters, and {@code q}, a search alert's query, each problem named {@code filter.<name>}. */
    public static SubscriptionFilter filter(Map<String, Object> raw, Catalog catalog, NoticelineConfig config) {
        TextFilterParams params = new TextFilterParams();
        if (raw != null) {
            for (Map.Entry<String, Object> entry : raw.entrySet()) {
                String name = entry.getKey();
                if (!FILTERS.contains(name)) {
                    throw InvalidException.of("filter." + FieldError.excerpt(name), "not a filter; expected " + String.join(", ", FILTERS));
                }
                List<String> values = values("filter." + name, entry.getValue());
                switch (name) {
                    case "platform" -> params.platform = values;
                    case "rule" -> params.rule = values;
                    case "authority" -> params.authority = values;
                    case "type" -> params.type = values;
                    case "jurisdiction" -> params.jurisdiction = values;
                    case "proceeding" -> params.proceeding = values;
                    case "from" -> params.from = values;
                    case "to" -> params.to = values;
                    default -> params.q = values;
                }
            }
        }
        try {
            return SubscriptionFilter.of(params.toFilter(catalog, config), params.textFilter(catalog, config));
        } catch (ProblemException e) {
            String field = e.errors().isEmpty() ? "filter" : "filter." + e.errors().get(0).field();
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            throw InvalidException.of(field, message);
        }
    }

    private static List<String> values(String field, Object value) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        List<?> raw = value instanceof List<?> list ? list : List.of(value);
        if (raw.size() > MAX_VALUES) {
            throw InvalidException.of(field, "at most " + MAX_VALUES + " values");
        }
        for (Object item : raw) {
            if (!(item instanceof String text)) {
                throw InvalidException.of(field, "expected a string or a list of strings");
            }
            if (text.length() > MAX_VALUE_LENGTH) {
                throw InvalidException.of(field, "'" + FieldError.excerpt(text) + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            values.add(text);
        }
        return values;
    }

    private static String ids() {
        return String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::id).toList());
    }
}
