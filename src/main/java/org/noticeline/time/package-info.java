/**
 * The service's sense of now: {@link org.noticeline.time.AppClock}, which tests (and, where configured, a test
 * harness through {@code POST /api/admin/clock}) can move forward to see what happens hours later.
 */
package org.noticeline.time;
