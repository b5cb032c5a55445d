/** The change log over HTTP: {@code GET /api/changes}, for mirrors and researchers who want deltas. */
package org.noticeline.changelog.rest;
