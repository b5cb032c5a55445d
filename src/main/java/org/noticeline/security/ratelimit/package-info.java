/**
 * Rate limits: token buckets (Bucket4j) per client and per kind of request, held in memory on each replica, checked as
 * the first thing a request meets after the security headers, so a refused request costs neither a database round
 * trip nor a template. Who the client is comes from {@link org.noticeline.security.ratelimit.ClientAddresses}; what
 * a request costs from {@link org.noticeline.security.ratelimit.RequestKind}.
 */
package org.noticeline.security.ratelimit;
