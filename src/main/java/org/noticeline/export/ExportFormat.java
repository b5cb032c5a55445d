package org.noticeline.export;

import jakarta.ws.rs.core.MediaType;
import org.noticeline.web.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The export formats, by {@code format=} id and by the media type a client may ask for in {@code Accept}. Plain
 * {@code application/json} is not among the media types: it keeps the paged list; {@code format=json} is the export.
 */
public enum ExportFormat {
    CSV("csv", "text/csv", "csv"),
    JSON("json", MediaType.APPLICATION_JSON, "json"),
    JSONL("jsonl", "application/x-ndjson", "jsonl"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "csl.json"),
    BIBTEX("bibtex", "application/x-bibtex", "bib");

    private final String id;
    private final String mediaType;
    private final String extension;

    ExportFormat(String id, String mediaType, String extension) {
        this.id = id;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The export a request asks for: its {@code format} parameter (one value, a known id, else a 400 naming it), or
     * else the first acceptable media type that only an export has; empty for the ordinary paged list.
     */
    public static Optional<ExportFormat> requested(List<String> format, List<MediaType> acceptable) {
        if (format.size() > 1) {
            throw ProblemException.badParameter("format", "give 'format' once");
        }
        if (format.size() == 1) {
            String id = format.get(0).trim().toLowerCase(Locale.ROOT);
            return Optional.of(Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                    .orElseThrow(() -> ProblemException.badParameter("format", "unknown format; expected one of "
                            + String.join(", ", Arrays.stream(values()).map(ExportFormat::id).toList()))));
        }
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            for (ExportFormat f : values()) {
                if (f != JSON && !type.isWildcardSubtype() && type.isCompatible(MediaType.valueOf(f.mediaType))) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
