/**
 * Notices, their revisions, links and documents, and {@link org.noticeline.notice.NoticeService}, the one way any
 * of them is written. Queries ({@code NoticeQuery}, {@code NoticeFilter}) and the JSON views live here too.
 */
package org.noticeline.notice;
