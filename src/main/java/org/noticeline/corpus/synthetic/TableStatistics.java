package org.noticeline.corpus.synthetic;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes PostgreSQL's planner statistics of the tables a bulk load grows. Planned on the statistics of a nearly
 * empty table, the index's batch reads of links ({@code notice_id = any(?)}) scan all of {@code notice_rule}
 * instead of using its key: 100 ms a read at 100,000 notices instead of well under one, while autovacuum gets to
 * it only minutes later. H2 plans without such statistics, so there it does nothing.
 */
@ApplicationScoped
class TableStatistics {

    private static final String TABLES = "notice, notice_rule, notice_platform, notice_source, notice_revision, notice_change";

    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    void refresh() {
        if (dbKind.startsWith("postgres")) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze " + TABLES).executeUpdate());
        }
    }
}
