package org.noticeline.research.rest;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.export.CsvCells;
import org.noticeline.web.ProblemException;
import org.noticeline.web.QueryValues;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/research/matrix}: the platform matrix as JSON ({@link MatrixView}), or as CSV with {@code format=csv}
 * or {@code Accept: text/csv} (a header row of column keys, then one row per platform).
 */
@Path("/api/research/matrix")
@Transactional
public class MatrixResource {

    private static final String CSV = "text/csv";

    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticelineConfig config;
    @Inject
    LinkTally tally;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response matrix(@BeanParam MatrixRequest request, @RestQuery List<String> format, HttpHeaders headers) {
        MatrixRequest.Checked checked = request.check(catalogStore.catalog(), config);
        MatrixView view = MatrixView.of(checked.matrix(catalogStore.catalog(), tally, config), checked.filter());
        if (!csv(format, headers)) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("platform", "name"));
            view.columns().forEach(c -> header.add(CsvCells.safe(c.key())));
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            for (MatrixView.RowView row : view.rows()) {
                List<Object> record = new ArrayList<>(List.of(CsvCells.safe(row.platform()), CsvCells.safe(row.name())));
                row.cells().forEach(c -> record.add(c.count()));
                printer.printRecord(record);
            }
            printer.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"noticeline-matrix-" + view.by() + ".csv\"").build();
    }

    /** {@code format=json|csv} decides; without it, CSV only when the client prefers it to JSON. */
    private static boolean csv(List<String> format, HttpHeaders headers) {
        String value = QueryValues.single("format", format);
        if (!QueryValues.blank(value)) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badParameter("format", "expected json or csv");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!type.isWildcardSubtype() && type.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }
}
