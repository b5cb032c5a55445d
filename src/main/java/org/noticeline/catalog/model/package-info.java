/** The catalog as immutable values (specs), read from {@code notices/catalog/*.yaml} and handed to validation and linking. */
package org.noticeline.catalog.model;
