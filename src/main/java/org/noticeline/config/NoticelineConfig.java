package org.noticeline.config;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Noticeline's own settings; every key is in the README's configuration table. */
@ConfigMapping(prefix = "noticeline")
public interface NoticelineConfig {

    /** The folder that holds all local state (the embedded H2 database lives here). */
    @WithDefault("./data")
    Path dataDir();

    /** The curated corpus: {@code catalog/*.yaml} and notices as Markdown with front matter. */
    @WithDefault("./notices")
    Path corpusDir();

    /** Load the corpus when the service starts. */
    @WithDefault("true")
    boolean loadCorpusOnStart();

    /** Items per page of timelines and API lists when no {@code limit} is given. */
    @WithDefault("50")
    int pageSize();

    /** A secret that, when set, is a token with the admin scope (named {@code bootstrap-admin}), so scripts can drive a fresh instance. */
    Optional<String> adminToken();

    /**
     * The key that signs the session cookies of the admin pages (at least 32 characters). Unset, one is generated
     * once and kept in the database, so that every replica accepts the others' cookies; setting or changing it ends
     * every session.
     */
    Optional<String> sessionSecret();

    /** Largest {@code limit} accepted; larger values are refused with 400. */
    @WithDefault("200")
    int maxPageSize();

    /**
     * The address people reach this service at ({@code https://noticeline.example}), for the absolute links it
     * stores and publishes; unset, the address it listens on. Production sets it.
     */
    Optional<String> publicBaseUrl();

    /** Rate limits on requests to this service. */
    RateLimits rateLimits();

    /** This replica's cache of rendered public responses. */
    PageCache pageCache();

    /**
     * Rendered public pages, JSON lists and feeds kept in memory until the change log says that something public
     * changed; a hit is answered before REST, with no template and no database.
     */
    interface PageCache {
        /** Serve and keep rendered public responses. */
        @WithDefault("true")
        boolean enabled();

        /** The most memory the kept responses (each body, and its gzip form) may take; the least recently used go first. */
        @WithDefault("16M")
        MemorySize maxSize();
    }

    /**
     * Token buckets per client and per replica, kept in memory so that no request pays a database round trip. Each
     * limit is the intended one for the whole service; a replica enforces its share, the limit divided by
     * {@code replicas} (rounded up), since a load balancer spreads a client's requests over them.
     */
    interface RateLimits {
        /** Enforce the limits (health and metrics under {@code /q/} are never limited). */
        @WithDefault("true")
        boolean enabled();

        /** How many replicas share the limits below. */
        @WithDefault("1")
        int replicas();

        /**
         * Addresses or CIDR blocks of proxies in front of the service (a load balancer, an ingress controller). A request
         * from one of them is the client's that the rightmost address in {@code X-Forwarded-For} not in this list names.
         */
        Optional<java.util.List<String>> trustedProxies();

        /** Most clients one replica keeps buckets for; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxClients();

        /** Requests with a valid token get this many times each limit, in a bucket of the token's own. */
        @WithDefault("10")
        int tokenFactor();

        /** Pages, API reads and everything not listed below. */
        @WithDefault("1200")
        int generalPerMinute();

        @WithDefault("200")
        int generalBurst();

        /** {@code /api/search} and {@code /search}. */
        @WithDefault("120")
        int searchPerMinute();

        @WithDefault("30")
        int searchBurst();

        /** {@code POST /api/extract}. */
        @WithDefault("30")
        int extractPerMinute();

        @WithDefault("10")
        int extractBurst();

        /** Exports: {@code /api/export}, and lists asked for as CSV, JSON lines, CSL-JSON or BibTeX. */
        @WithDefault("10")
        int exportPerMinute();

        @WithDefault("5")
        int exportBurst();

        /** Uploads and bulk writes: {@code POST /api/documents}, {@code /api/import}. */
        @WithDefault("30")
        int uploadPerMinute();

        @WithDefault("10")
        int uploadBurst();

        /** The e-mail sign-up form and API ({@code /subscribe}, {@code POST /api/subscriptions} without a token). */
        @WithDefault("10")
        int signupPerMinute();

        @WithDefault("5")
        int signupBurst();
    }

    /** Requests this service makes to other hosts (official feeds, the pages they link to). */
    Outbound outbound();

    /** Polling of official feeds. */
    Feeds feeds();

    /** Uploaded documents. */
    Documents documents();

    /** Following the change log. */
    Changes changes();

    /** The live stream, {@code GET /api/stream}. */
    Stream stream();

    interface Stream {
        /** How often every open stream gets a {@code : heartbeat} comment, so proxies and clients see it is alive. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Open streams one client may hold (its token's name, or else its address); more: 429. */
        @WithDefault("5")
        int maxPerClient();

        /** Open streams one replica holds in all; more: 429. */
        @WithDefault("1000")
        int maxTotal();
    }

    /** Full-text search, {@code GET /api/search} and {@code /search}. */
    Search search();

    interface Search {
        /** Where the index lives; unset, {@code <data-dir>/index}. Derived state: deleted, it is rebuilt from the database. */
        Optional<Path> indexDir();

        /** Longest {@code q} accepted, in characters (longer: 400). */
        @WithDefault("500")
        int maxQueryLength();

        /** Most terms a query may have once prefixes and languages are expanded (more: 400), so no query runs for seconds. */
        @WithDefault("512")
        int maxClauses();

        /** Shortest prefix before a {@code *} ({@code ve*} would match half the vocabulary). */
        @WithDefault("3")
        int minPrefixLength();

        /** Most index terms one prefix expands to (the most frequent are kept). */
        @WithDefault("64")
        int maxPrefixExpansions();

        /** Values listed per facet. */
        @WithDefault("20")
        int facetValues();

        /** Snippets per hit. */
        @WithDefault("3")
        int snippets();

        /** The {@code Retry-After} of a 503 while the index is being rebuilt. */
        @WithDefault("5s")
        Duration retryAfter();

        /** How often followed changes are committed to disk (searchable at once either way; a crash replays the rest from the change log). */
        @WithDefault("5s")
        Duration commitInterval();
    }

    /** Research lookups: {@code /research/matrix} and {@code /api/research/matrix}. */
    Research research();

    interface Research {
        /** Most platforms (rows) a matrix shows, those with the most notices first; the answer says how many were left out. */
        @WithDefault("50")
        int matrixRows();

        /** Most values (columns) a matrix shows, the most cited first; the answer says how many were left out. */
        @WithDefault("40")
        int matrixColumns();
    }

    /** Subscriptions and their deliveries (webhooks). */
    Subscriptions subscriptions();

    /** The service's clock. */
    ClockSettings clock();

    /** E-mail subscriptions (SMTP itself is configured with the standard {@code quarkus.mailer.*} keys). */
    Email email();

    interface Email {
        /** Accept e-mail sign-ups ({@code POST /api/subscriptions} with {@code "channel": "email"}, {@code /subscribe}). */
        @WithDefault("true")
        boolean enabled();

        /** The hour (0-23) at which daily and weekly digests go out, on the subscriber's own clock (its {@code timeZone}). */
        @WithDefault("8")
        int digestHour();

        /** The day weekly digests go out on. */
        @WithDefault("MONDAY")
        java.time.DayOfWeek digestDay();

        /** How long a sign-up waits for its confirmation link to be followed before it is deleted. */
        @WithDefault("48h")
        Duration confirmWithin();

        /** Confirmation mails one address is sent in 24 hours; further sign-ups get the same 202 and are dropped. */
        @WithDefault("3")
        int maxConfirmationsPerAddress();

        /** Sign-ups one client (its address) may make in an hour; more: 429. */
        @WithDefault("10")
        int maxSignUpsPerClient();

        /** Confirmation mails the service sends in 24 hours in all; more sign-ups: 429. */
        @WithDefault("1000")
        int maxConfirmationsTotal();

        /** Changes one digest lists at most (the rest are counted, with a link to the timeline). */
        @WithDefault("100")
        int digestMaxItems();

        /** How often each replica looks for digests that are due and sign-ups that have expired. */
        @WithDefault("30s")
        Duration tick();
    }

    interface ClockSettings {
        /**
         * Allow moving the clock that drives retry schedules forward ({@code POST /api/admin/clock}), for tests of what
         * happens hours later. Never on in production.
         */
        @WithDefault("false")
        boolean movable();
    }

    interface Subscriptions {
        /** Run the planner and the senders on this replica (off: deliveries are planned and sent by other replicas only). */
        @WithDefault("true")
        boolean enabled();

        /** How often each replica plans and sends when nothing woke it (a change from any replica wakes it at once). */
        @WithDefault("1s")
        Duration tick();

        /** How long a sender holds a delivery it claimed; a replica killed mid-send leaves it to be claimed again after this. */
        @WithDefault("60s")
        Duration lease();

        /** Waits after each failed attempt, in order; when the last has been waited out and the attempt fails, the delivery is dead. */
        @WithDefault("30s,2m,10m,30m,1h,2h,4h,8h,8h,8h")
        java.util.List<Duration> retrySchedule();

        /** The longest wait a receiver's {@code Retry-After} can ask for. */
        @WithDefault("8h")
        Duration retryAfterMax();

        /** How long the previous signing secret keeps signing too after a rotation. */
        @WithDefault("24h")
        Duration secretOverlap();

        /** A subscription whose deliveries have failed without a success for this long is paused. */
        @WithDefault("24h")
        Duration pauseAfterFailing();

        /** How long delivery records are kept (then deleted by the cleanup). */
        @WithDefault("30d")
        Duration retention();

        /** Most deliveries one replica claims, and records the outcomes of, in one transaction. */
        @WithDefault("200")
        int batch();

        /** Deliveries one replica sends at the same time, and connections it keeps open to one receiver. */
        @WithDefault("16")
        int senders();

        /** Most subscriptions one token may own. */
        @WithDefault("100")
        int maxPerOwner();
    }

    interface Changes {
        /**
         * How often each replica looks for new changes when nothing woke it: a commit on this replica wakes it at once,
         * and on PostgreSQL so does one on any other (LISTEN/NOTIFY); this is the fallback.
         */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Documents {
        /** Largest file accepted, in bytes (larger: 413). */
        @WithDefault("20971520")
        long maxBytes();

        /** Most PDF pages accepted (more: 422). */
        @WithDefault("500")
        int maxPages();
    }

    interface Outbound {
        /** Allow requests to loopback, private and link-local addresses; off, so a feed cannot reach into our network. Tests turn it on. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Connect and read timeout of one request. */
        @WithDefault("10s")
        Duration timeout();

        /** Largest response body read; longer responses are refused. */
        @WithDefault("5242880")
        long maxBytes();

        /** Redirects followed before giving up. */
        @WithDefault("3")
        int maxRedirects();
    }

    interface Feeds {
        /** Poll the configured sources on their intervals. */
        @WithDefault("true")
        boolean enabled();

        /** Interval of a source that sets none. */
        @WithDefault("1h")
        Duration defaultInterval();

        /** How often each replica looks for sources that are due; a source is polled on its own interval, never more often. */
        @WithDefault("30s")
        Duration tick();
    }
}
