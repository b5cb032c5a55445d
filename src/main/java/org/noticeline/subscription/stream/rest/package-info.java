/** {@code GET /api/stream}: the live stream as Server-Sent Events, its parameters checked before it starts. */
package org.noticeline.subscription.stream.rest;
