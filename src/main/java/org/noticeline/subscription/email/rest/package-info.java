/**
 * The e-mail subscriber's pages: {@code /subscribe} (the sign-up form), and behind each mail's signed links the
 * confirmation, the manage page and the one-click unsubscribe (RFC 8058).
 */
package org.noticeline.subscription.email.rest;
