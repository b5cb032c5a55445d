package org.noticeline.linking;

/** A catalog name found in text at {@code [start, end)}. */
record NameMatch(int start, int end, CatalogTerm term) {
}
