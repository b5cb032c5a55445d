/** Uploaded letters and decisions: text extracted (PDFBox, jsoup), a notice proposed from it and stored as a draft with the original file. */
package org.noticeline.ingest.document;
