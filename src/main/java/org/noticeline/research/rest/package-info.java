/** HTTP side of research lookups: the platform matrix as a page, JSON and CSV. */
package org.noticeline.research.rest;
