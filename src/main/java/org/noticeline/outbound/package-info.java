/** Requests this service makes to other hosts (feeds, their pages): only to public addresses, checked at every hop, bounded in time and size. */
package org.noticeline.outbound;
