/**
 * Exports for research: the whole result of a notice query, streamed in one of several formats (CSV, JSON, JSON
 * lines, CSL-JSON, BibTeX), each saying the change-log position it was made at so a cited query can be re-run.
 */
package org.noticeline.notice.export;
