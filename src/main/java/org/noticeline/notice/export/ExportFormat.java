package org.noticeline.notice.export;


import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The export formats, by {@code format=} id and by the media type a client may ask for in {@code Accept}. Plain
 * {@code application/json} is not among the media types: it keeps the paged list; {@code format=json} is the export.
 */
public enum ExportFormat {
    CSV("csv", "text/csv", "csv"),
    JSON("json", "application/json", "json"),
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

    public static Optional<ExportFormat> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    /** The export whose media type is {@code mediaType} ({@code type/subtype}, no parameters); JSON is none: it is the paged list. */
    public static Optional<ExportFormat> forMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f != JSON && f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
