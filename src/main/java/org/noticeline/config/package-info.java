/** Noticeline's own settings ({@code noticeline.*}), one {@code @ConfigMapping}; every key is in the README. */
package org.noticeline.config;
