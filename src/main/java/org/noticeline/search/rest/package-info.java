/** Search over HTTP: {@code GET /api/search} and the {@code /search} page. */
package org.noticeline.search.rest;
