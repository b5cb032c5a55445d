/** Ways into the record other than the write API: bulk export and import, the review of drafts. Everything is written through {@code notice.NoticeService}. */
package org.noticeline.ingest;
