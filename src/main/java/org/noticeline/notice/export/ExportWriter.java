package org.noticeline.notice.export;

import java.io.IOException;

/** Writes one export: a head naming the change-log position, the notices in order, a tail. */
public interface ExportWriter {

    void begin(ExportHead head) throws IOException;

    void write(ExportedNotice notice) throws IOException;

    void end() throws IOException;

    /** What an export says about itself: the change it reflects, when and where it was made, the query it answers. */
    public record ExportHead(long seq, java.time.Instant madeAt, String query) {
    }
}
