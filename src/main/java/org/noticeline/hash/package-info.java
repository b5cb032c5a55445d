/** Hashing, in one place: every fingerprint the service stores or compares is a {@link org.noticeline.hash.Sha256} hex digest. */
package org.noticeline.hash;
