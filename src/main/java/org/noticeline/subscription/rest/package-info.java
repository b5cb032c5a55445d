/**
 * The subscription API, {@code /api/subscriptions}: webhooks owned by tokens with the {@code subscribe} scope, their
 * deliveries, pings and redeliveries; filters validated against the catalog as {@code /api/notices} validates them.
 */
package org.noticeline.subscription.rest;
