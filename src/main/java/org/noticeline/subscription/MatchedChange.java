package org.noticeline.subscription;

import org.noticeline.changelog.Change;
import org.noticeline.notice.Notice;

import java.util.List;

/** A change that some subscriptions want: the event it makes, its notice as it is now, and who wants it. */
public record MatchedChange(Change change, EventType type, Notice notice, List<SubscriptionIndex.Match> matches) {
}
