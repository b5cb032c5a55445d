/** The catalog as JSON: {@code /api/platforms}, {@code /api/instruments}, {@code /api/authorities}, {@code /api/proceedings}. */
package org.noticeline.catalog.rest;
