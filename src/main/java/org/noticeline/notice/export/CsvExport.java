package org.noticeline.notice.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, one row per notice, a header row first. Lists are joined with {@code " | "} (no list value contains
 * it: ids, keys and URLs). Text cells go through {@link CsvCells}, so that none runs as a formula in a spreadsheet.
 */
final class CsvExport implements ExportWriter {

    static final String LIST_SEPARATOR = " | ";
    static final List<String> COLUMNS = List.of("slug", "url", "title", "date", "type", "authority", "authorityName", "jurisdiction",
            "platforms", "rules", "proceeding", "sources", "summary", "language", "status", "revision", "updatedAt");

    private final Writer out;
    private CSVPrinter printer;

    CsvExport(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(ExportHead head) throws IOException {
        printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
    }

    @Override
    public void write(ExportedNotice n) throws IOException {
        printer.printRecord(cell(n.slug()), cell(n.url()), cell(n.title()), n.date(), cell(n.type()), cell(n.authority()), cell(n.authorityName()),
                cell(n.jurisdiction()), cell(String.join(LIST_SEPARATOR, n.platforms())), cell(String.join(LIST_SEPARATOR, n.rules())),
                cell(n.proceeding()), cell(String.join(LIST_SEPARATOR, n.sources())), cell(n.summary()), cell(n.language()), cell(n.status()),
                n.revision(), n.updatedAt());
    }

    @Override
    public void end() throws IOException {
        printer.flush();
    }

    private static String cell(String value) {
        return CsvCells.safe(value);
    }
}
