package org.noticeline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * What the HTTP layer refuses before any resource runs, said as a problem document rather than an empty answer:
 * a body whose declared length is over {@code quarkus.http.limits.max-body-size} (413), and a request the server
 * could not decode at all, such as a multipart body with a broken boundary (400). Failures nobody handled are logged.
 */
@ApplicationScoped
public class HttpGuards {

    private static final Logger LOG = Logger.getLogger(HttpGuards.class);

    /** What is known of the request body when we answer, which decides what becomes of the connection. */
    private enum Framing { READ, UNREAD, UNKNOWN }
    // Runs before Quarkus's own body-size check, which answers 413 with no body.
    private static final int FIRST = Integer.MIN_VALUE + 1;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::refuseOversizedBody);
        router.route().order(FIRST).failureHandler(this::explainFailure);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String coding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (coding != null && !coding.strip().equalsIgnoreCase("chunked")) {
            // Any other framing leaves the body's end unknown, and what follows would be read as the next request.
            respond(context, new Problem("about:blank", "Bad Request", 400, "Transfer-Encoding '" + coding + "' is not supported; send chunked or a Content-Length",
                    context.request().path(), List.of(new Problem.FieldProblem("Transfer-Encoding", "only chunked"))), Framing.UNKNOWN);
            return;
        }
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLong(declared)) {
            String message = "the request body is " + declared + " bytes; at most " + maxBody.asLongValue() + " are accepted";
            respond(context, new Problem("about:blank", "Content Too Large", 413, message, context.request().path(),
                    List.of(new Problem.FieldProblem("body", message))), Framing.UNREAD);
            return;
        }
        context.next();
    }

    private boolean tooLong(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBody.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void explainFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            respond(context, new Problem("about:blank", "Content Too Large", 413, "the request body is larger than "
                    + maxBody.asLongValue() + " bytes", context.request().path(), null), Framing.UNREAD);
        } else if (malformedHeader(context.failure())) {
            respond(context, new Problem("about:blank", "Bad Request", 400, "a media type in the Accept or Content-Type header is malformed",
                    context.request().path(), List.of(new Problem.FieldProblem("Accept", "expected type/subtype with parameters such as q=0.5"))), Framing.READ);
        } else if (status >= 400 && status < 500 || undecodable(context.failure())) {
            int answered = status >= 400 && status < 500 ? status : 400;
            String title = io.netty.handler.codec.http.HttpResponseStatus.valueOf(answered).reasonPhrase();
            respond(context, new Problem("about:blank", title, answered, "the request could not be read: "
                    + describe(context.failure()), context.request().path(), null), Framing.READ);
        } else if (clientWentAway(context)) {
            // The client went away mid-request: nobody to answer, and nothing of ours went wrong.
            LOG.debugf("client closed the connection during %s %s", context.request().method(), context.request().path());
            context.next();
        } else {
            LOG.errorf(context.failure(), "unhandled failure of %s %s", context.request().method(), context.request().path());
            context.next();
        }
    }

    /** The decoders of request bodies (Netty's codecs, the multipart parser) fail like this on input that is not what it claims. */
    private static boolean undecodable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("io.netty.handler.codec.")) {
                return true;
            }
            StackTraceElement[] frames = t.getStackTrace();
            if (t instanceof java.io.IOException && frames.length > 0 && frames[0].getClassName().contains(".multipart.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean clientWentAway(RoutingContext context) {
        for (Throwable t = context.failure(); t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** Quarkus REST parses media types lazily, while negotiating, and a malformed one fails there rather than as a 400. */
    private static boolean malformedHeader(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String name = frame.getClassName();
                if (name.endsWith(".AcceptHeaders") || name.endsWith(".MediaTypeHelper") || name.endsWith(".MediaTypeHeaderDelegate")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        return failure == null || failure.getMessage() == null ? "malformed request" : failure.getMessage();
    }

    private void respond(RoutingContext context, Problem problem, Framing framing) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
        var response = context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (framing == Framing.UNKNOWN) {
            // Where the body ends is unknown: whatever follows must never be read as the next request.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(body).onComplete(done -> context.request().connection().close());
        } else if (framing == Framing.UNREAD) {
            // The declared body is not read; the client is told this connection ends with the answer.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(body);
        } else {
            response.end(body);
        }
    }
}
