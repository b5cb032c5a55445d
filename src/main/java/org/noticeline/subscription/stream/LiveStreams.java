package org.noticeline.subscription.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.subscription.EventType;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This replica's open streams, and the {@link ChangeConsumer} that feeds them: each batch of committed changes is
 * prepared once (notices loaded, payloads built, {@link ChangePreparer}) and offered to every stream, which keeps
 * what its filter matches. A stream that names the last change it saw is replayed the rest from the log first, so
 * it needs nothing of the replica it was connected to. Slots per client and per replica are counted here.
 */
@ApplicationScoped
public class LiveStreams implements ChangeConsumer {

    /** The most changes replayed to a reconnecting stream; beyond that it is told to catch up by the changes API. */
    public static final int REPLAY = 1_000;
    /** Events a stream may have waiting to be written: a whole replay and then some; past it the stream is dropped. */
    static final int BUFFER = REPLAY + 100;
    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    @Inject
    ChangeLog log;
    @Inject
    ChangePreparer preparer;
    @Inject
    NoticelineConfig config;
    @Inject
    ObjectMapper json;

    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perClient = new HashMap<>();
    private int total;
    private ScheduledExecutorService heartbeats;

    void onStart(@Observes StartupEvent event) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.stream().heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(() -> open.forEach(LiveStream::heartbeat), every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        List.copyOf(open).forEach(LiveStream::complete);
    }

    /**
     * Opens a stream for {@code client}: from now on, or, with {@code after}, from the change after that one (replayed
     * from the log, at most {@value #REPLAY}; more, and the client is sent one {@code resync} event and continues
     * from the head). Refused when the client or this replica holds as many streams as it may.
     */
    public Multi<StreamEvent> open(StreamSelection selection, OptionalLong after, String client) {
        acquire(client);
        LiveStream stream = new LiveStream(selection, client, BUFFER, this::closed);
        // Registered before the log is read: a batch the follower hands out meanwhile is held, never missed.
        open.add(stream);
        try {
            Renderings renderings = new Renderings(json);
            if (after.isEmpty()) {
                stream.goLive(log.head(), renderings);
            } else {
                List<Change> missed = log.read(after.getAsLong(), REPLAY + 1, false);
                if (missed.size() > REPLAY) {
                    long head = log.head();
                    stream.resync(head, resync(after.getAsLong(), head));
                } else {
                    long last = missed.isEmpty() ? after.getAsLong() : missed.get(missed.size() - 1).seq();
                    stream.replay(prepare(missed, selection.events()), last, renderings);
                }
                stream.goLive(after.getAsLong(), renderings);
            }
        } catch (RuntimeException e) {
            stream.complete();
            throw e;
        }
        return stream.events();
    }

    /** The largest sequence number handed out, for checking a client's last id. */
    public long head() {
        return log.head();
    }

    /** Open streams of {@code client} on this replica. */
    public synchronized int openBy(String client) {
        return perClient.getOrDefault(client, 0);
    }

    @Override
    public void apply(List<Change> changes) {
        // Only the streams open now: one opened later reads the log after these changes were numbered.
        List<LiveStream> streams = List.copyOf(open);
        if (streams.isEmpty() || changes.isEmpty()) {
            return;
        }
        Set<EventType> wanted = EnumSet.noneOf(EventType.class);
        streams.forEach(s -> wanted.addAll(s.selection().events()));
        LiveStream.Batch batch = new LiveStream.Batch(prepare(changes, wanted), changes.get(changes.size() - 1).seq());
        Renderings renderings = new Renderings(json);
        for (LiveStream stream : streams) {
            try {
                stream.deliver(batch, renderings);
            } catch (RuntimeException e) {
                LOG.warnf(e, "dropping a stream of %s that could not take changes up to %d", stream.client(), batch.last());
                stream.complete();
            }
        }
    }

    private List<PreparedChange> prepare(List<Change> changes, Set<EventType> wanted) {
        boolean any = changes.stream().anyMatch(c -> EventType.of(c).filter(wanted::contains).isPresent());
        return any ? preparer.prepare(changes, wanted) : List.of();
    }

    private StreamEvent resync(long after, long head) {
        return new StreamEvent(Long.toString(head), "resync",
                "{\"next\":" + head + ",\"changes\":\"/api/changes?since=" + after + "\"}", null);
    }

    private synchronized void acquire(String client) {
        int mine = perClient.getOrDefault(client, 0);
        if (mine >= config.stream().maxPerClient()) {
            throw new StreamLimitException("at most " + config.stream().maxPerClient() + " streams per client are open at once; close one first");
        }
        if (total >= config.stream().maxTotal()) {
            throw new StreamLimitException("this replica serves " + config.stream().maxTotal() + " streams already; try again shortly");
        }
        perClient.put(client, mine + 1);
        total++;
    }

    /** A stream ended (the client went away, it was dropped, the replica stops): its slot is free again. */
    private void closed(LiveStream stream) {
        open.remove(stream);
        synchronized (this) {
            perClient.computeIfPresent(stream.client(), (k, n) -> n <= 1 ? null : n - 1);
            total--;
        }
    }
}
