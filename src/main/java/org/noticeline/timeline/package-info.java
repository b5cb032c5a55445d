/** The Qute pages people browse: timelines by platform, rule, authority and proceeding, one notice, its revisions, the SVG overview. */
package org.noticeline.timeline;
