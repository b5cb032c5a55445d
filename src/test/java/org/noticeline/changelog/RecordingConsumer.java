package org.noticeline.changelog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer that remembers what it was handed, to watch the follower from tests. */
@ApplicationScoped
public class RecordingConsumer implements ChangeConsumer {

    private final List<Change> seen = new CopyOnWriteArrayList<>();

    /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    List<Change> seen() {
        return seen;
    }

    @Override
    public void apply(List<Change> changes) {
        seen.addAll(changes);
    }
}
