package org.noticeline.notice.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.notice.Cursor;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.notice.NoticeHistory;
import org.noticeline.notice.NoticeView;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.time.AppClock;
import org.noticeline.web.PublicUrls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Streams the whole result of a filter in an export format: no limit and no cursor, in pages of {@link #PAGE} read in
 * one transaction (the session cleared after each, so memory stays flat whatever the corpus), never cached.
 */
@ApplicationScoped
public class NoticeExporter {

    static final int PAGE = 500;

    @Inject
    ChangeLog changes;
    @Inject
    ObjectMapper mapper;
    @Inject
    PublicUrls urls;
    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticeHistory history;
    @Inject
    CatalogStore catalog;

    /** An export ready to stream: what it says about itself, the file name it suggests, and its body. */
    public record Prepared(ExportWriter.ExportHead head, ExportFormat format, String fileName, Body body) {
    }

    /** Writes an export's bytes; called once the response starts, in a read transaction of its own. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out);
    }

    /**
     * An export of {@code filter}; {@code query} is the request's query string, which the export repeats. With
     * {@code asOf}, the record as it stood after that change, read now, so that a position it cannot be given at is
     * refused before anything is sent ({@link NoticeHistory.PositionRefused}); without, the record now, and the
     * position named is the log's head when the export began (a change committed while it streams may show in it:
     * cite with {@code asOf} for exactness).
     */
    public Prepared prepare(NoticeFilter filter, ExportFormat format, OptionalLong asOf, String query) {
        ExportWriter.ExportHead head = new ExportWriter.ExportHead(asOf.orElseGet(changes::head), clock.now(), query == null ? "" : query);
        List<NoticeView> stood = asOf.isPresent()
                ? QuarkusTransaction.requiringNew().call(() -> history.asOf(asOf.getAsLong(), filter)).stream().map(NoticeHistory.StoodAs::view).toList()
                : null;
        Body body = out -> QuarkusTransaction.requiringNew().run(() -> {
            if (stood != null) {
                writeAll(stood, format, head, out);
            } else {
                write(filter, format, head, out);
            }
        });
        return new Prepared(head, format, "noticeline-notices-at-" + head.seq() + "." + format.extension(), body);
    }

    /**
     * An export of notices already chosen (a search's hits), which reflect change {@code seq}; their authorities' names
     * come from the catalog now.
     */
    public Prepared prepare(List<NoticeView> notices, ExportFormat format, long seq, String query) {
        ExportWriter.ExportHead head = new ExportWriter.ExportHead(seq, clock.now(), query == null ? "" : query);
        return new Prepared(head, format, "noticeline-search-at-" + seq + "." + format.extension(),
                out -> QuarkusTransaction.requiringNew().run(() -> writeAll(notices, format, head, out)));
    }

    private void writeAll(List<NoticeView> notices, ExportFormat format, ExportWriter.ExportHead head, OutputStream out) {
        try {
            ExportWriter writer = writer(format, out);
            writer.begin(head);
            Catalog now = catalog.catalog();
            for (NoticeView notice : notices) {
                String authority = now.authority(notice.authority()).map(a -> a.name()).orElse(notice.authority());
                writer.write(ExportedNotice.of(notice, urls.of("notices", notice.slug()), authority));
            }
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(NoticeFilter filter, ExportFormat format, ExportWriter.ExportHead head, OutputStream out) {
        try {
            ExportWriter writer = writer(format, out);
            writer.begin(head);
            Cursor cursor = null;
            do {
                NoticeQuery.Slice slice = NoticeQuery.run(filter.withPage(PAGE, cursor));
                for (Notice notice : slice.items()) {
                    writer.write(ExportedNotice.of(NoticeView.of(notice), urls.of("notices", notice.slug), notice.authority.name));
                }
                cursor = slice.next();
                em.clear();
            } while (cursor != null);
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExportWriter writer(ExportFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvExport(out);
            case JSON -> new JsonExport(mapper, out, false);
            case JSONL -> new JsonExport(mapper, out, true);
            case CSL_JSON -> new CslJsonExport(mapper, out);
            case BIBTEX -> new BibtexExport(out);
        };
    }
}
