package org.noticeline.linking.rest;

import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.linking.Extraction;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.linking.LinkingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.web.Problem;
import org.noticeline.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/extract}: the rules, platforms, providers, authorities and dates a text cites. No token needed.
 * Optional {@code jurisdiction} ("UK") and {@code authority} (a catalog id, {@code ofcom}) say where the text comes
 * from, which settles names such as "Online Safety Act" that the text alone leaves open.
 */
@Path("/api/extract")
public class ExtractResource {

    static final int MAX_BYTES = 1024 * 1024;
    private static final java.util.regex.Pattern JURISDICTION = java.util.regex.Pattern.compile("[A-Z]{2,3}");

    @Inject
    LinkerProvider linker;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Extraction extract(byte[] body, @RestQuery String jurisdiction, @RestQuery String authority) {
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "Content Too Large", "the text is " + body.length + " bytes; at most " + MAX_BYTES + " are read",
                    List.of(new Problem.FieldProblem("body", "larger than 1 MiB")));
        }
        if (jurisdiction != null && !JURISDICTION.matcher(jurisdiction).matches()) {
            throw ProblemException.badParameter("jurisdiction", "a jurisdiction is a code such as EU, UK or US, not '" + jurisdiction + "'");
        }
        LinkerProvider.Built built = linker.current();
        if (authority != null && built.catalog().authority(authority).isEmpty()) {
            throw ProblemException.badParameter("authority", "no authority '" + authority + "' in the catalog");
        }
        return built.linker().extract(new String(body, StandardCharsets.UTF_8), new LinkingContext(jurisdiction, authority, List.of()));
    }
}
