package org.noticeline.corpus;

import java.time.Instant;
import java.util.List;

/** What one load of the corpus did. */
public record CorpusReport(Instant loadedAt, int files, int created, int updated, int unchanged,
                           List<CorpusProblem> problems) {
}
