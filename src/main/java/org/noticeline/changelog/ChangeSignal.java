package org.noticeline.changelog;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes this replica's follower when one of its own transactions committed changes (others' arrive by NOTIFY or polling). */
@ApplicationScoped
class ChangeSignal extends Wakeup {
}
