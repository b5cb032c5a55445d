/**
 * The e-mail channel of subscriptions: double opt-in sign-ups with caps, signed links (confirm, manage, one-click
 * unsubscribe), one mail per change or daily and weekly digests on the subscriber's clock, all sent through the
 * shared delivery rows (leases, retries) by {@link org.noticeline.subscription.email.EmailSender} over SMTP.
 */
package org.noticeline.subscription.email;
