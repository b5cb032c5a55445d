/** The curated corpus under {@code notices/}: reading files with front matter, loading them through the notice service, reporting problems by file and line. */
package org.noticeline.corpus;
