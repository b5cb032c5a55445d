/** Notices over HTTP: {@code /api/notices} reading and writing (ETags, If-Match), the filter parameters every timeline takes. */
package org.noticeline.notice.rest;
