/** Synthetic notices made from the catalog, seeded, for load tests and benchmarks at a scale the curated corpus never reaches. */
package org.noticeline.corpus.synthetic;
