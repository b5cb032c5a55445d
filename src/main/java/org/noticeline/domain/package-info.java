/**
 * What every feature shares to say no: {@link org.noticeline.domain.NotFoundException},
 * {@link org.noticeline.domain.InvalidException} with its {@link org.noticeline.domain.FieldError}s,
 * {@link org.noticeline.domain.ConflictException} and {@link org.noticeline.domain.StaleRevisionException}.
 * No HTTP here: {@code org.noticeline.web} maps them to problem documents.
 */
package org.noticeline.domain;
