/**
 * Subscriptions: people follow a timeline filter through a channel (webhooks, e-mail, a live stream) and are sent
 * every matching public change of the change log, in one payload shape for every channel ({@link
 * org.noticeline.subscription.EventPayload}).
 */
package org.noticeline.subscription;
