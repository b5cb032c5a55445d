package org.noticeline.timeline;

/** A labelled link on a page. */
public record Ref(String id, String label, String href) {
}
