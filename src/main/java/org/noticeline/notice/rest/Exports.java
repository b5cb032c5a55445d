package org.noticeline.notice.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.noticeline.notice.export.ExportFormat;
import org.noticeline.notice.export.NoticeExporter;
import org.noticeline.web.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Exports over HTTP, for every endpoint that has them ({@code /api/notices}, {@code /api/search}). */
public final class Exports {

    private Exports() {
    }

    /**
     * The export a request asks for: its {@code format} (once, a known id), or else the first acceptable media type
     * that only an export has; empty for the paged list (plain JSON, or anything that JSON satisfies first).
     */
    public static Optional<ExportFormat> requested(List<String> format, List<MediaType> acceptable) {
        if (format.size() > 1) {
            throw ProblemException.badParameter("format", "give 'format' once");
        }
        if (format.size() == 1) {
            return Optional.of(ExportFormat.fromId(format.get(0)).orElseThrow(() -> ProblemException.badParameter("format",
                    "unknown format; expected one of " + String.join(", ", Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList()))));
        }
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            Optional<ExportFormat> export = type.isWildcardSubtype() ? Optional.empty() : ExportFormat.forMediaType(type.getType() + "/" + type.getSubtype());
            if (export.isPresent()) {
                return export;
            }
        }
        return Optional.empty();
    }

    /** The streamed answer: never cached, no ETag, the position it reflects in a header and in the file name. */
    public static Response response(NoticeExporter.Prepared prepared) {
        StreamingOutput body = out -> prepared.body().writeTo(out);
        String type = prepared.format().mediaType();
        return Response.ok(body, type.startsWith("text/") ? type + "; charset=UTF-8" : type)
                .header("Content-Disposition", "attachment; filename=\"" + prepared.fileName() + "\"")
                .header("Noticeline-Seq", prepared.head().seq())
                .header("Cache-Control", "no-store")
                .build();
    }
}
