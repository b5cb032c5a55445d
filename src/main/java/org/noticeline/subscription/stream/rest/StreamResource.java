package org.noticeline.subscription.stream.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.FieldError;
import org.noticeline.search.rest.TextFilterParams;
import org.noticeline.security.Caller;
import org.noticeline.security.ratelimit.Clients;
import org.noticeline.subscription.EventType;
import org.noticeline.subscription.stream.LiveStreams;
import org.noticeline.subscription.stream.StreamEvent;
import org.noticeline.subscription.stream.StreamLimitException;
import org.noticeline.subscription.stream.StreamSelection;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/stream}: matching public changes as Server-Sent Events, as they commit. Every parameter is checked,
 * and the client's slot taken, before the stream starts, so a refusal is an ordinary problem document.
 */
@Path("/api/stream")
public class StreamResource {

    /** What a refused client is told to wait before it tries again. */
    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    Clients clients;
    @Inject
    LiveStreams streams;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;
    @Inject
    Caller caller;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow matching notices live (Server-Sent Events)",
            description = "Takes the filters of /api/notices, and q as /api/search takes it (a search alert). Each event has `id:` the change's seq, `event:` notice.new,"
                    + " notice.revised, notice.withdrawn or notice.relinked, and `data:` the subscription payload as one line of JSON."
                    + " Reconnect with Last-Event-ID (or ?lastEventId=) to be replayed what you missed (at most 1000 changes;"
                    + " beyond, one `resync` event points at /api/changes). `: heartbeat` comments keep it alive.")
    public Multi<OutboundSseEvent> stream(@BeanParam TextFilterParams params,
                                          @Parameter(description = "Event types, comma-separated or repeated (default: notice.new, notice.revised, notice.withdrawn)")
                                          @RestQuery List<String> events,
                                          @Parameter(description = "The id of the last event received; the Last-Event-ID header wins when both are sent")
                                          @RestQuery List<String> lastEventId,
                                          @RestHeader("Last-Event-ID") String lastEventIdHeader,
                                          @Context HttpServerRequest request, @Context HttpServerResponse response, @Context Sse sse) {
        StreamSelection selection = new StreamSelection(params.toFilter(catalog.catalog(), config),
                params.textFilter(catalog.catalog(), config), eventTypes(events));
        OptionalLong after = !QueryValues.blank(lastEventIdHeader) ? position("Last-Event-ID", lastEventIdHeader)
                : position("lastEventId", QueryValues.single("lastEventId", lastEventId));
        Multi<StreamEvent> opened;
        try {
            opened = streams.open(selection, after, client(request));
        } catch (StreamLimitException e) {
            throw ProblemException.tooManyRequests(e.getMessage(), RETRY_AFTER_SECONDS);
        }
        Multi<OutboundSseEvent> sent = opened.map(e -> e.isComment() ? sse.newEventBuilder().comment(" " + e.comment()).build()
                : sse.newEventBuilder().id(e.id()).name(e.type()).data(e.data()).build());
        // Set on the response itself: the SSE writer sends the head at once, before any event, and keeps these.
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Accel-Buffering", "no");
        return sent;
    }

    /** The token's name when one authenticated the request, else its client as the rate limits tell it. */
    private String client(HttpServerRequest request) {
        return caller.authenticated() ? "token:" + caller.name() : clients.of(request);
    }

    private static Set<EventType> eventTypes(List<String> raw) {
        List<String> ids = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (ids.isEmpty()) {
            return StreamSelection.DEFAULT_EVENTS;
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String id : ids) {
            types.add(EventType.fromId(id).orElseThrow(() -> ProblemException.badParameter("events", "unknown event type '"
                    + FieldError.excerpt(id) + "'; expected one of " + Arrays.stream(EventType.values()).map(EventType::id)
                    .collect(Collectors.joining(", ")))));
        }
        return types;
    }

    private OptionalLong position(String name, String value) {
        if (QueryValues.blank(value)) {
            return OptionalLong.empty();
        }
        long seq = QueryValues.number(name, value, 0, Long.MAX_VALUE - 1, 0);
        long head = streams.head();
        if (seq > head) {
            throw ProblemException.badParameter(name, "no change " + seq + " has been made yet; the last is " + head);
        }
        return OptionalLong.of(seq);
    }
}
