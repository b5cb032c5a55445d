package org.noticeline.ingest.document;

/** The text of an uploaded document and what its format says about it. {@code title} may be null. */
public record ExtractedDocument(String kind, String mediaType, String title, String text, int pages) {
}
