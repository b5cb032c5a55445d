package org.noticeline.linking;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AhoCorasickTest {

    private record Hit(int start, int end, String value) {
    }

    private static List<Hit> scan(AhoCorasick<String> automaton, String text) {
        List<Hit> hits = new ArrayList<>();
        automaton.scan(text, (start, end, value) -> hits.add(new Hit(start, end, value)));
        return hits;
    }

    @Test
    void reportsEveryOverlappingOccurrence() {
        AhoCorasick<String> automaton = AhoCorasick.<String>builder()
                .add("he", "he").add("she", "she").add("his", "his").add("hers", "hers").build();
        assertThat(scan(automaton, "ushers")).containsExactlyInAnyOrder(
                new Hit(1, 4, "she"), new Hit(2, 4, "he"), new Hit(2, 6, "hers"));
    }

    @Test
    void isCaseSensitive() {
        AhoCorasick<String> automaton = AhoCorasick.<String>builder().add("Threads", "threads").build();
        assertThat(scan(automaton, "threads and Threads")).containsExactly(new Hit(12, 19, "threads"));
    }

    @Test
    void matchesWhitespaceRunsAndCurlyApostrophesLooselyButReportsTrueOffsets() {
        AhoCorasick<String> automaton = AhoCorasick.<String>builder()
                .add("Regulation (EU) 2022/2065", "dsa").add("Children's Online Privacy Protection Rule", "coppa").build();
        String text = "see Regulation (EU)\n   2022/2065 and the Children\u2019s Online  Privacy Protection Rule";
        assertThat(scan(automaton, text)).containsExactly(new Hit(4, 32, "dsa"), new Hit(41, text.length(), "coppa"));
    }

    @Test
    void keepsEveryValueOfAPatternGivenTwice() {
        AhoCorasick<String> automaton = AhoCorasick.<String>builder().add("X Corp.", "platform").add("X Corp.", "provider").build();
        assertThat(scan(automaton, "X Corp.")).extracting(Hit::value).containsExactlyInAnyOrder("platform", "provider");
    }
}
