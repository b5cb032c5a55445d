/** Noticeline: the public record of platform regulation. {@link org.noticeline.NoticelineMain} also runs the command-line export and import. */
package org.noticeline;
