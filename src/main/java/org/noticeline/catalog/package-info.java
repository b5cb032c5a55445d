/** The catalog: instruments and their provisions, platforms, providers, authorities and proceedings, as the database holds them. */
package org.noticeline.catalog;
