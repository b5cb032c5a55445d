package org.noticeline.subscription;

import org.noticeline.changelog.Change;
import org.noticeline.notice.NoticeTerms;

import java.util.List;

/** A change that some subscriptions want: the event it makes, its notice's terms as they are now, and who wants it. */
public record MatchedChange(Change change, EventType type, NoticeTerms terms, List<SubscriptionIndex.Match> matches) {
}
