package org.noticeline.notice;

import org.noticeline.domain.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import org.noticeline.catalog.Authority;
import org.noticeline.catalog.Proceeding;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.linking.LinkingContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The current version of one regulatory act; earlier versions are its {@link NoticeRevision}s. */
@Entity
public class Notice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String title;
    @Column(name = "notice_date")
    public LocalDate date;
    public String type;
    @ManyToOne(optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;
    public String jurisdiction;
    @ManyToOne
    @JoinColumn(name = "proceeding_id")
    public Proceeding proceeding;
    public String language;
    public String summary;
    public String body;
    @Column(name = "content_hash")
    public String contentHash;
    public NoticeOrigin origin;
    @Column(name = "source_file")
    public String sourceFile;
    public NoticeStatus status;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    public int revision;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The catalog (its hash) that the detected links were found with; null or another hash means they are stale. */
    @Column(name = "links_catalog")
    public String linksCatalog;
    /** The {@link org.noticeline.linking.Linker#ENGINE_VERSION} that found the detected links. */
    @Column(name = "links_engine")
    public Integer linksEngine;
    /** What this notice adds to the {@link LinkTally} now, an entry a line; null until it was first tallied. */
    public String tallied;

    @ElementCollection
    @CollectionTable(name = "notice_platform", joinColumns = @JoinColumn(name = "notice_id"))
    public List<PlatformLink> platforms = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "notice_rule", joinColumns = @JoinColumn(name = "notice_id"))
    public List<RuleLink> rules = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "notice_source", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    public List<String> sources = new ArrayList<>();

    public static Optional<Notice> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The notice with this slug; a draft (or a discarded one) exists only for readers who may see drafts (editors). */
    public static Notice visibleTo(String slug, boolean draftsVisible) {
        return findBySlug(slug).filter(n -> draftsVisible || n.status.seenByEveryone())
                .orElseThrow(() -> new NotFoundException("notice", slug));
    }

    /** What the engine may know of this notice's text besides the text: jurisdiction, authority, curated instruments. */
    public LinkingContext linkingContext() {
        return new LinkingContext(jurisdiction, authority == null ? null : authority.id,
                rules.stream().filter(r -> r.origin == LinkOrigin.CURATED).map(r -> r.instrumentCode).distinct().toList());
    }

    public NoticeType noticeType() {
        return NoticeType.fromId(type).orElse(NoticeType.OTHER);
    }

    public boolean withdrawn() {
        return status == NoticeStatus.WITHDRAWN || status == NoticeStatus.DISCARDED;
    }

    /*
     * The database keeps no order among a notice's links, so every reader (a replica that wrote the notice, one that
     * loaded it, the search index) would see its own order; one canonical order makes them agree.
     */
    public List<String> platformIds() {
        return platforms.stream().map(p -> p.platformId).sorted().toList();
    }

    public List<String> ruleKeys() {
        return rules.stream().map(r -> new RuleKey(r.instrumentCode, r.provision)).sorted(RuleKey.READING_ORDER).map(RuleKey::toString).toList();
    }
}
