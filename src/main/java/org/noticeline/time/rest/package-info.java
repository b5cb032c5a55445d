/** {@code POST /api/admin/clock}: moving the clock forward, only where {@code noticeline.clock.movable} allows it. */
package org.noticeline.time.rest;
