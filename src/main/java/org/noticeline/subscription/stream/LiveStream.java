package org.noticeline.subscription.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open stream: its selection, the last sequence number it has been told about (sent or found not to match),
 * and a bounded buffer of what is not yet written to the client. A client that lets the buffer fill up is dropped,
 * so a slow reader never holds back the others; it reconnects with the last id it received and is replayed the rest.
 * Until its replay is done, batches from the follower are held, then handed over without a gap or a repeat.
 */
final class LiveStream {

    private final StreamSelection selection;
    private final String client;
    private final ArrayBlockingQueue<StreamEvent> buffer;
    private final UnicastProcessor<StreamEvent> out;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.function.Consumer<LiveStream> onClose;
    private final List<Batch> held = new ArrayList<>();
    private long position;
    private boolean live;

    /** A batch as the follower delivered it: the prepared changes, and the last sequence number it covered. */
    record Batch(List<PreparedChange> changes, long last) {
    }

    LiveStream(StreamSelection selection, String client, int capacity, java.util.function.Consumer<LiveStream> onClose) {
        this.selection = selection;
        this.client = client;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
        this.out = UnicastProcessor.create(buffer, this::close);
    }

    String client() {
        return client;
    }

    StreamSelection selection() {
        return selection;
    }

    /** What the client reads: ends when the stream is dropped or the replica stops; a disconnect cancels it. */
    Multi<StreamEvent> events() {
        return out.onFailure(BackPressureFailure.class).recoverWithCompletion().onTermination().invoke(this::close);
    }

    /** Replays {@code changes} (already read from the log) and moves the position to {@code last}. */
    synchronized void replay(List<PreparedChange> changes, long last, Renderings renderings) {
        send(changes, last, renderings);
    }

    /** Tells the client to catch up elsewhere and moves the position to {@code head}. */
    synchronized void resync(long head, StreamEvent event) {
        emit(event);
        position = Math.max(position, head);
    }

    /** The replay is done: held batches are sent (what the replay already covered is skipped) and then live ones. */
    synchronized void goLive(long from, Renderings renderings) {
        position = Math.max(position, from);
        for (Batch batch : held) {
            send(batch.changes(), batch.last(), renderings);
        }
        held.clear();
        live = true;
    }

    synchronized void deliver(Batch batch, Renderings renderings) {
        if (closed.get()) {
            return;
        }
        if (!live) {
            held.add(batch);
            return;
        }
        send(batch.changes(), batch.last(), renderings);
    }

    void heartbeat() {
        emit(StreamEvent.HEARTBEAT);
    }

    /** Ends the stream from our side (the replica stops); the client reconnects elsewhere. */
    void complete() {
        out.onComplete();
        close();
    }

    private void send(List<PreparedChange> changes, long last, Renderings renderings) {
        for (PreparedChange change : changes) {
            if (change.seq() <= position) {
                continue;
            }
            if (selection.events().contains(change.type())) {
                selection.filter().match(change.notice()).filter(matched -> selection.text().matches(change.matchable())).ifPresent(matched ->
                        emit(StreamEvent.of(change.seq(), change.type().id(), renderings.json(change, selection.text().withQuery(matched)))));
            }
            position = change.seq();
        }
        position = Math.max(position, last);
    }

    private void emit(StreamEvent event) {
        if (closed.get()) {
            return;
        }
        synchronized (out) {
            if (buffer.remainingCapacity() == 0) {
                // The client reads slower than changes come: drop it rather than buffer without end.
                out.onError(new BackPressureFailure("stream buffer full"));
                close();
                return;
            }
            out.onNext(event);
        }
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }
}
