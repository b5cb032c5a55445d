/**
 * Full-text search: an embedded Lucene index of the public notices, derived from the database and kept current by
 * following the change log; the query language people type; hits with facets and highlighted snippets.
 */
package org.noticeline.search;
