package org.noticeline.linking.rest;

import org.noticeline.linking.Extraction;
import org.noticeline.linking.LinkerProvider;
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

/** {@code POST /api/extract}: the rules, platforms, providers, authorities and dates a text cites. No token needed. */
@Path("/api/extract")
public class ExtractResource {

    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    LinkerProvider linker;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Extraction extract(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "Content Too Large", "the text is " + body.length + " bytes; at most " + MAX_BYTES + " are read",
                    List.of(new Problem.FieldProblem("body", "larger than 1 MiB")));
        }
        return linker.linker().extract(new String(body, StandardCharsets.UTF_8));
    }
}
