package org.noticeline.search;

import org.noticeline.notice.NoticeFilter;

/**
 * A search: the query as typed, the timeline filters that narrow it (with its limit), the order and the page, and
 * {@code asOf}, the change-log position of the record to search (null: the record now).
 */
public record SearchRequest(String q, NoticeFilter filter, SearchSort sort, SearchCursor cursor, Long asOf) {
}
