/** {@code POST /api/admin/synthetic-notices}: loading a synthetic corpus into a running service. */
package org.noticeline.corpus.synthetic.rest;
