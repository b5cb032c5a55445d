package org.noticeline.changelog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of the log, read-only here: rows are appended by {@link ChangeLog} with SQL that also records the transaction. */
@Entity
@Table(name = "notice_change")
class LoggedChange extends PanacheEntityBase {

    @Id
    Long id;
    Long seq;
    ChangeKind kind;
    @Column(name = "notice_id")
    Long noticeId;
    String slug;
    Integer revision;
    boolean visible;
    @Column(name = "changed_at")
    Instant changedAt;
    @Column(name = "changed_by")
    String changedBy;

    Change toChange() {
        return new Change(seq, kind, noticeId, slug, revision, visible, changedAt);
    }
}
