package org.noticeline.linking;

import java.util.Comparator;

/** Something found in a text: the words as written and where, {@code [start, end)} in UTF-16 chars. */
public interface Mention {

    Comparator<Mention> BY_POSITION = Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end);

    String text();

    int start();

    int end();
}
