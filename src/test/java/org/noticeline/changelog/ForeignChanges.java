package org.noticeline.changelog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** Appends a change the way another replica does: its own connection, a row of the log, a notification on PostgreSQL. */
final class ForeignChanges {

    private ForeignChanges() {
    }

    /** Commits one public {@code catalog} change with {@code slug}. */
    static void append(String url, String user, String password, String dbKind, String slug) throws SQLException {
        try (Connection other = DriverManager.getConnection(url, user, password)) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into notice_change (kind, slug, revision, visible, changed_by, changed_at)"
                    + " values ('catalog', ?, null, true, 'another-replica', ?)")) {
                insert.setString(1, slug);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            if (dbKind.startsWith("postgres")) {
                try (Statement notify = other.createStatement()) {
                    notify.execute("notify " + ChangeLog.CHANNEL);
                }
            }
            other.commit();
        }
    }
}
