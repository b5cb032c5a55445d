/** Research lookups: counts of what notices cite, together and by platform, computed in the database over a timeline's selection. */
package org.noticeline.research;
