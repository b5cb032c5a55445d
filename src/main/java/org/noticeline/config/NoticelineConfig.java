package org.noticeline.config;

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
