/**
 * Test support for real processes: {@link org.noticeline.harness.ServiceProcesses} starts copies of the packaged
 * PostgreSQL flavour on one fresh database, kills them with SIGKILL, restarts them and reads their logs. Tests that
 * use it are gated on {@code NOTICELINE_PG_APP}, which {@code .ci/run} sets after building that flavour.
 */
package org.noticeline.harness;
