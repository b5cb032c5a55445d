/**
 * Public answers made cheap to ask again: tags and caching headers on every public page, JSON list and feed, and
 * this replica's cache of rendered ones, answered before REST and cleared by the change log.
 */
package org.noticeline.pagecache;
