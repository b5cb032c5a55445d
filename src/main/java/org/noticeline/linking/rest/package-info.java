/** {@code POST /api/extract}: the linking engine open to anyone. */
package org.noticeline.linking.rest;
