package org.noticeline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.domain.DomainException;
import org.noticeline.domain.InvalidException;
import org.noticeline.notice.ArchivedNotice;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeService;
import org.noticeline.notice.NoticeStatus;
import org.noticeline.transaction.Retries;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Export and import of every notice with its revisions and original documents as JSON Lines, ordered by slug, so that
 * exporting, importing into an empty instance and exporting again gives the same bytes. Each imported
 * line is one transaction: a bad line is reported with its number and never half-written.
 */
@ApplicationScoped
public class NoticeArchive {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int BATCH = 100;
    private static final List<NoticeStatus> EVERY_STATUS = List.of(NoticeStatus.values());
    private static final List<NoticeStatus> NOT_DRAFTS = java.util.Arrays.stream(NoticeStatus.values()).filter(NoticeStatus::seenByEveryone).toList();

    /** What an import did; {@code errors} name the line of each refused notice. */
    public record ImportReport(int imported, int unchanged, List<LineError> errors) {
    }

    public record LineError(int line, String slug, String message) {
    }

    @Inject
    NoticeService notices;

    /** Writes every notice (drafts only when asked), in slug order, batch by batch so memory stays flat however large the record. */
    public void export(OutputStream out, boolean withDrafts) throws IOException {
        BufferedWriter lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String after = "";
        while (true) {
            String from = after;
            List<ArchivedNotice> batch = QuarkusTransaction.requiringNew().call(() ->
                    Notice.<Notice>find("slug > ?1 and status in ?2 order by slug", from, withDrafts ? EVERY_STATUS : NOT_DRAFTS).page(0, BATCH).list().stream().map(ArchivedNotice::of).toList());
            for (ArchivedNotice notice : batch) {
                lines.write(JSON.writeValueAsString(notice));
                lines.write('\n');
            }
            lines.flush();
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).slug();
        }
    }


    /**
     * Restores every line through {@link NoticeService#recreate}, each in its own transaction: a bad line is
     * reported with its number, writes nothing, and never stops the lines after it.
     */
    public ImportReport importFrom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int imported = 0;
        int unchanged = 0;
        List<LineError> errors = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            ArchivedNotice notice;
            try {
                notice = JSON.readValue(line, ArchivedNotice.class);
            } catch (JsonProcessingException e) {
                errors.add(new LineError(number, null, "not an exported notice: " + e.getOriginalMessage()));
                continue;
            }
            if (notice == null) {
                errors.add(new LineError(number, null, "not an exported notice: null"));
                continue;
            }
            try {
                if (Retries.inNewTransaction(() -> notices.recreate(notice)) == NoticeService.Outcome.CREATED) {
                    imported++;
                } else {
                    unchanged++;
                }
            } catch (InvalidException e) {
                errors.add(new LineError(number, notice.slug(), String.join("; ", e.errors().stream().map(f -> f.field() + ": " + f.message()).toList())));
            } catch (DomainException e) {
                errors.add(new LineError(number, notice.slug(), e.getMessage()));
            }
        }
        return new ImportReport(imported, unchanged, errors);
    }
}
