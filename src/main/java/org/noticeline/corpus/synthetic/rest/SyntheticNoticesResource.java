package org.noticeline.corpus.synthetic.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.corpus.synthetic.SyntheticCorpus;
import org.noticeline.domain.InvalidException;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;

/**
 * {@code POST /api/admin/synthetic-notices?count=100000&seed=1}: makes {@code count} synthetic notices of the seed and
 * writes them through the write path; answers when they are stored, with the rate. For load tests and benchmarks on a
 * database of their own: the notices are public like any other (slugs {@code synthetic-<seed>-<n>}).
 */
@Path("/api/admin/synthetic-notices")
@Produces(MediaType.APPLICATION_JSON)
public class SyntheticNoticesResource {

    static final int MAX_COUNT = 10_000_000;

    @Inject
    SyntheticCorpus corpus;

    @POST
    @Secured(Scope.ADMIN)
    public SyntheticCorpus.LoadReport load(@QueryParam("count") @DefaultValue("100000") int count, @QueryParam("seed") @DefaultValue("1") long seed) {
        if (count < 1 || count > MAX_COUNT) {
            throw InvalidException.of("count", "1 to " + MAX_COUNT + " notices");
        }
        if (seed < 0) {
            throw InvalidException.of("seed", "a seed is 0 or more (it is part of the slugs)");
        }
        return corpus.load(count, seed);
    }
}
