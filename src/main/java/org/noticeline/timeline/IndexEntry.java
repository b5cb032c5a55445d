package org.noticeline.timeline;

/** A row of an index page (/platforms, /rules, ...). */
public record IndexEntry(String label, String href, String note, long notices) {
}
