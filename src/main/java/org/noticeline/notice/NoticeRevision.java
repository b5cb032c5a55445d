package org.noticeline.notice;

import org.noticeline.hash.Sha256;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.List;

/** One version of a notice as it was written: the JSON of its {@link NoticeContent}, who wrote it and when. */
@Entity
@jakarta.persistence.Table(name = "notice_revision")
public class NoticeRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "notice_id")
    public Notice notice;
    public int number;
    public String snapshot;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
    public String note;

    /** Appends a version to {@code notice}'s history; the caller's transaction persists it. */
    public static NoticeRevision record(Notice notice, int number, String snapshot, String changedBy, Instant changedAt, String note) {
        return record(notice, number, snapshot, Sha256.hex(snapshot), changedBy, changedAt, note);
    }

    /** {@link #record} of a snapshot whose hash the caller has already computed. */
    static NoticeRevision record(Notice notice, int number, String snapshot, String snapshotHash, String changedBy, Instant changedAt, String note) {
        NoticeRevision revision = new NoticeRevision();
        revision.notice = notice;
        revision.number = number;
        revision.snapshot = snapshot;
        revision.contentHash = snapshotHash;
        revision.changedBy = changedBy;
        revision.changedAt = changedAt;
        revision.note = note;
        revision.persist();
        return revision;
    }

    public static List<NoticeRevision> of(Notice notice) {
        return list("notice = ?1 order by number desc", notice);
    }
}
