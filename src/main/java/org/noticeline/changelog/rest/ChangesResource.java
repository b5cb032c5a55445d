package org.noticeline.changelog.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/changes}: the log from a sequence number on, for mirrors that want every change exactly once. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    static final int DEFAULT_LIMIT = 1_000;

    /** One change: {@code slug} and {@code revision} are null for a {@code catalog} change. */
    public record Item(long seq, String kind, String slug, Integer revision, Instant at) {
        static Item of(Change change) {
            return new Item(change.seq(), change.kind().id(), change.slug(), change.revision(), change.at());
        }
    }

    /** A page of the log; {@code next} is the {@code since} of the following call. */
    public record Page(List<Item> items, long next) {
    }

    @Inject
    ChangeLog log;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Changes after a sequence number, in order",
            description = "Every committed change to a public notice (created, revised, published, withdrawn, restored, relinked)"
                    + " and every catalog change, in sequence order. Store `next` and pass it as `since` next time: each change"
                    + " is returned exactly once, none is ever skipped, and the log is never trimmed. A draft's history is one"
                    + " `published` change when it is published; the admin scope sees drafts' changes too with drafts=true.")
    public Page changes(@Parameter(description = "Exclusive: changes with a larger seq (default 0, the beginning)") @RestQuery List<String> since,
                        @Parameter(description = "At most this many (default 1000, at most 10000)") @RestQuery List<String> limit,
                        @Parameter(description = "Admin scope only: include changes editors alone see") @RestQuery List<String> drafts) {
        long from = QueryValues.number("since", QueryValues.single("since", since), 0, Long.MAX_VALUE - 1, 0);
        int count = (int) QueryValues.number("limit", QueryValues.single("limit", limit), 1, ChangeLog.MAX_READ, DEFAULT_LIMIT);
        boolean everything = QueryValues.bool("drafts", QueryValues.single("drafts", drafts));
        if (everything && !caller.grants(Scope.ADMIN)) {
            throw caller.authenticated()
                    ? new ProblemException(403, "Forbidden", "drafts=true needs a token with the admin scope", null)
                    : new ProblemException(401, "Unauthorized", "drafts=true needs a token with the admin scope", null);
        }
        List<Item> items = log.read(from, count, everything).stream().map(Item::of).toList();
        return new Page(items, items.isEmpty() ? from : items.get(items.size() - 1).seq());
    }
}
