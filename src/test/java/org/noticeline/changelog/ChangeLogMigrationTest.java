package org.noticeline.changelog;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that predates the change log gets one {@code created} change per notice in ingestion order, then a
 * {@code withdrawn} one per withdrawn notice, so a mirror that starts at 0 gets everything; drafts' stay hidden.
 * Runs on the suite's database (H2, or PostgreSQL in CI) in a schema of its own.
 */
class ChangeLogMigrationTest {

    private static final String URL = env("NOTICELINE_TEST_DB_URL", "jdbc:h2:mem:changelog-migration;DB_CLOSE_DELAY=-1");
    private static final String USER = env("NOTICELINE_TEST_DB_USER", "sa");
    private static final String PASSWORD = env("NOTICELINE_TEST_DB_PASSWORD", "");

    @Test
    void existingNoticesBecomeCreatedAndWithdrawnChangesInIngestionOrder() throws SQLException {
        String schema = "changelog_migration_" + System.nanoTime();
        Flyway before = flyway(schema, "8");
        before.migrate();
        try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = db.createStatement()) {
            db.setSchema(schema);
            sql.execute("insert into authority (id, name) values ('ofcom', 'Ofcom')");
            notice(sql, 1, "late-public", "published", 1, "2024-03-01");
            notice(sql, 2, "early-withdrawn", "withdrawn", 3, "2024-01-01");
            notice(sql, 3, "middle-draft", "draft", 1, "2024-02-01");
        }
        flyway(schema, "latest").migrate();
        try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = db.createStatement()) {
            db.setSchema(schema);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = sql.executeQuery("select seq, kind, slug, revision, visible from notice_change order by seq")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getInt(4) + " " + r.getBoolean(5));
                }
            }
            assertThat(rows).containsExactly(
                    "1 created early-withdrawn 2 true",
                    "2 created middle-draft 1 false",
                    "3 created late-public 1 true",
                    "4 withdrawn early-withdrawn 3 true");
        } finally {
            try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = db.createStatement()) {
                sql.execute("drop schema \"" + schema + "\" cascade");
            }
        }
    }

    private static void notice(Statement sql, int id, String slug, String status, int revision, String ingested) throws SQLException {
        sql.execute(("insert into notice (id, slug, title, notice_date, type, authority_id, jurisdiction, language, body, content_hash,"
                + " origin, status, revision, ingested_at, updated_at) values (%d, '%s', 'T', date '2024-01-01', 'letter', 'ofcom', 'UK',"
                + " 'en', '', 'h', 'api', '%s', %d, timestamp with time zone '%s 00:00:00+00', timestamp with time zone '%s 12:00:00+00')")
                .formatted(id, slug, status, revision, ingested, ingested));
    }

    private static Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).locations("classpath:db/migration").target(target).load();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
