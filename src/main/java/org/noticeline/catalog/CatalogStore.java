package org.noticeline.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.PublicStateCache;
import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.DesignationSpec;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProceedingSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.ProvisionSpec;
import org.noticeline.catalog.model.RelatedGroupSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the catalog in the database (the source of truth every replica reads) and hands out an
 * immutable {@link Catalog} snapshot of it. The snapshot is cached until this replica writes the
 * catalog, and at most {@link #FRESHNESS} so a reload on another replica reaches this one too.
 */
@ApplicationScoped
public class CatalogStore extends PublicStateCache {

    static final Duration FRESHNESS = Duration.ofSeconds(30);

    private record Snapshot(Catalog catalog, Instant readAt) {
    }

    private final AtomicReference<Snapshot> cached = new AtomicReference<>();
    /** Moves whenever the cache is forgotten, so that a read that began before is not stored after. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @jakarta.inject.Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * Makes the database say what {@code catalog} says, and answers whether that changed anything. Entries the YAML
     * dropped stay, since notices may still point at them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean save(Catalog catalog) {
        Catalog before = read();
        for (InstrumentSpec spec : catalog.instruments()) {
            Instrument instrument = Instrument.<Instrument>findByIdOptional(spec.code()).orElseGet(Instrument::new);
            instrument.code = spec.code();
            instrument.title = spec.title();
            instrument.officialNumber = spec.number();
            instrument.jurisdiction = spec.jurisdiction();
            instrument.link = spec.link();
            instrument.unit = spec.unit();
            instrument.numbering = spec.numbering();
            instrument.aliases = Aliases.join(spec.aliases());
            instrument.contextAliases = Aliases.join(spec.contextAliases());
            instrument.genericNames = Aliases.join(spec.genericNames());
            instrument.provisions.clear();
            instrument.persist();
            Instrument.flush();
            for (ProvisionSpec p : spec.provisions()) {
                Provision provision = new Provision();
                provision.instrument = instrument;
                provision.number = p.number();
                provision.heading = p.heading();
                provision.aliases = Aliases.join(p.aliases());
                instrument.provisions.add(provision);
            }
        }
        for (ProviderSpec spec : catalog.providers()) {
            Provider provider = Provider.<Provider>findByIdOptional(spec.id()).orElseGet(Provider::new);
            provider.id = spec.id();
            provider.name = spec.name();
            provider.aliases = Aliases.join(spec.aliases());
            provider.notNames = Aliases.join(spec.notNames());
            provider.persist();
        }
        for (PlatformSpec spec : catalog.platforms()) {
            Platform platform = Platform.<Platform>findByIdOptional(spec.id()).orElseGet(Platform::new);
            platform.id = spec.id();
            platform.name = spec.name();
            platform.aliases = Aliases.join(spec.aliases());
            platform.notNames = Aliases.join(spec.notNames());
            platform.commonWord = spec.commonWord();
            platform.provider = spec.provider() == null ? null : Provider.findById(spec.provider());
            platform.designations.clear();
            for (DesignationSpec d : spec.designations()) {
                Designation designation = new Designation();
                designation.platform = platform;
                designation.instrumentCode = d.instrument();
                designation.kind = d.kind();
                designation.since = d.since();
                platform.designations.add(designation);
            }
            platform.persist();
        }
        for (AuthoritySpec spec : catalog.authorities()) {
            Authority authority = Authority.<Authority>findByIdOptional(spec.id()).orElseGet(Authority::new);
            authority.id = spec.id();
            authority.name = spec.name();
            authority.jurisdiction = spec.jurisdiction();
            authority.url = spec.url();
            authority.aliases = Aliases.join(spec.aliases());
            authority.contextAliases = Aliases.join(spec.contextAliases());
            authority.persist();
        }
        for (ProceedingSpec spec : catalog.proceedings()) {
            Proceeding proceeding = Proceeding.<Proceeding>findByIdOptional(spec.id()).orElseGet(Proceeding::new);
            proceeding.id = spec.id();
            proceeding.title = spec.title();
            proceeding.authority = Authority.findById(spec.authority());
            proceeding.instrumentCode = spec.instrument();
            proceeding.opened = spec.opened();
            proceeding.status = spec.status();
            proceeding.summary = spec.summary();
            proceeding.platforms.clear();
            spec.platforms().forEach(id -> proceeding.platforms.add(Platform.findById(id)));
            proceeding.persist();
        }
        saveRelated(catalog.related());
        Instrument.flush();
        forget();
        // Readers until the commit still see the old catalog; forget again once they can see the new one.
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
        return !before.equals(read());
    }

    /** Related groups point at nothing and nothing points at them: a group the YAML dropped goes. */
    private static void saveRelated(List<RelatedGroupSpec> groups) {
        List<String> kept = groups.stream().map(RelatedGroupSpec::id).toList();
        RelatedGroup.<RelatedGroup>listAll().stream().filter(g -> !kept.contains(g.id)).forEach(RelatedGroup::delete);
        int position = 0;
        for (RelatedGroupSpec spec : groups) {
            RelatedGroup group = RelatedGroup.<RelatedGroup>findByIdOptional(spec.id()).orElseGet(RelatedGroup::new);
            group.id = spec.id();
            group.name = spec.name();
            group.note = spec.note();
            group.provisions = Aliases.join(spec.provisions());
            group.position = position++;
            group.persist();
        }
    }

    /** Visible changes to notices leave the catalog as it is; {@link #catalogChanged} forgets it. */
    @Override
    protected void clear() {
    }

    /** The innermost layer: every page names catalog entries. */
    @Override
    protected int layer() {
        return 0;
    }

    @Override
    protected void catalogChanged() {
        forget();
    }

    /** Forgets the cached snapshot, so the next {@link #catalog} reads the database (another replica changed it). */
    public void forget() {
        generation.incrementAndGet();
        cached.set(null);
    }

    /** The catalog as the database holds it. */
    @Transactional
    public Catalog catalog() {
        Snapshot snapshot = cached.get();
        if (snapshot == null || snapshot.readAt().isBefore(Instant.now().minus(FRESHNESS))) {
            long readFrom = generation.get();
            Catalog current = read();
            // An equal catalog keeps the old instance, so what is built from it (the linking engine) is kept too.
            Snapshot previous = snapshot;
            snapshot = new Snapshot(previous != null && previous.catalog().equals(current) ? previous.catalog() : current, Instant.now());
            if (generation.get() == readFrom) {
                cached.compareAndSet(previous, snapshot);
            }
        }
        return snapshot.catalog();
    }

    private static Catalog read() {
        List<InstrumentSpec> instruments = Instrument.listOrdered().stream()
                .map(i -> new InstrumentSpec(i.code, i.title, i.officialNumber, i.jurisdiction, i.link, i.unit, i.numbering,
                        Aliases.split(i.aliases),
                        i.provisions.stream().map(p -> new ProvisionSpec(p.number, p.heading, Aliases.split(p.aliases))).toList(),
                        Aliases.split(i.contextAliases), Aliases.split(i.genericNames)))
                .toList();
        List<PlatformSpec> platforms = Platform.listOrdered().stream()
                .map(p -> new PlatformSpec(p.id, p.name, Aliases.split(p.aliases), p.provider == null ? null : p.provider.id,
                        p.designations.stream().map(d -> new DesignationSpec(d.instrumentCode, d.kind, d.since)).toList(),
                        Aliases.split(p.notNames), p.commonWord))
                .toList();
        List<ProviderSpec> providers = Provider.<Provider>list("order by id").stream()
                .map(p -> new ProviderSpec(p.id, p.name, Aliases.split(p.aliases), Aliases.split(p.notNames))).toList();
        List<AuthoritySpec> authorities = Authority.listOrdered().stream()
                .map(a -> new AuthoritySpec(a.id, a.name, a.jurisdiction, a.url, Aliases.split(a.aliases),
                        Aliases.split(a.contextAliases))).toList();
        List<ProceedingSpec> proceedings = Proceeding.listOrdered().stream()
                .map(p -> new ProceedingSpec(p.id, p.title, p.authority.id, p.platforms.stream().map(pl -> pl.id).sorted().toList(),
                        p.instrumentCode, p.opened, p.status, p.summary))
                .toList();
        List<RelatedGroupSpec> related = RelatedGroup.listOrdered().stream()
                .map(g -> new RelatedGroupSpec(g.id, g.name, g.note, Aliases.split(g.provisions))).toList();
        return new Catalog(instruments, platforms, providers, authorities, proceedings, related);
    }
}
