/** Official feeds (Atom, RSS, JSON lists): sources, polling with conditional GETs, entries turned into notices through the notice service. */
package org.noticeline.ingest.feed;
