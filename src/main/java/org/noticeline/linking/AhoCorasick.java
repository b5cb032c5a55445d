package org.noticeline.linking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds every occurrence of many patterns in one pass over a text (Aho-Corasick compiled to a dense
 * automaton, so scanning costs one table lookup per character whatever the number of patterns).
 * Matching is case-sensitive; runs of whitespace compare as one space and curly apostrophes as
 * straight ones, so {@code Regulation (EU)\n2022/2065} matches {@code Regulation (EU) 2022/2065}.
 * Immutable and safe to share between threads.
 */
final class AhoCorasick<T> {

    /** Receives one occurrence: {@code [start, end)} in the scanned text and the pattern's value. */
    interface Sink<T> {
        void match(int start, int end, T value);
    }

    private static final char[] FOLD = foldTable();

    /** Every char to its class in the automaton's alphabet, folding applied; 0 for chars no pattern uses. */
    private final char[] classOf;
    private final int spaceClass;
    private final int classes;
    /** The transition table, state by class: chars (half the cache footprint of ints) while states fit in 16 bits. */
    private final char[] next;
    private final int[] wideNext;
    private final int[][] patternsEndingAt;
    /** The state itself when a pattern ends there, else the nearest suffix state where one does, else 0. */
    private final int[] firstOutput;
    private final int[] outputLink;
    private final int[] lengths;
    private final List<T> values;
    private final int ringMask;

    private AhoCorasick(char[] classOf, int classes, int[] next, int[][] patternsEndingAt, int[] outputLink,
                        int[] lengths, List<T> values) {
        this.classOf = classOf;
        this.spaceClass = classOf[' '];
        this.classes = classes;
        boolean narrow = patternsEndingAt.length <= Character.MAX_VALUE;
        this.next = narrow ? narrow(next) : null;
        this.wideNext = narrow ? null : next;
        this.patternsEndingAt = patternsEndingAt;
        this.outputLink = outputLink;
        this.firstOutput = new int[patternsEndingAt.length];
        for (int state = 0; state < firstOutput.length; state++) {
            firstOutput[state] = patternsEndingAt[state].length > 0 ? state : outputLink[state];
        }
        this.lengths = lengths;
        this.values = values;
        int longest = 1;
        for (int length : lengths) {
            longest = Math.max(longest, length);
        }
        this.ringMask = Integer.highestOneBit(longest) * 2 - 1;
    }

    private static char[] narrow(int[] table) {
        char[] narrow = new char[table.length];
        for (int i = 0; i < table.length; i++) {
            narrow[i] = (char) table[i];
        }
        return narrow;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Reports every occurrence of every pattern, overlapping ones included, in order of their end. */
    void scan(String text, Sink<T> sink) {
        // Folding collapses whitespace, so a match's start is looked up from the positions of the last
        // folded characters rather than computed from the pattern's length. Only characters that leave
        // the automaton off its root are recorded: no match can start at one that does not.
        int[] positions = new int[ringMask + 1];
        int folded = 0;
        int state = 0;
        boolean afterSpace = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            int cls = classOf[text.charAt(i)];
            if (cls == spaceClass) {
                if (afterSpace) {
                    continue;
                }
                afterSpace = true;
            } else {
                afterSpace = false;
            }
            state = next != null ? next[state * classes + cls] : wideNext[state * classes + cls];
            if (state == 0) {
                continue;
            }
            positions[folded++ & ringMask] = i;
            for (int output = firstOutput[state]; output > 0; output = outputLink[output]) {
                for (int pattern : patternsEndingAt[output]) {
                    sink.match(positions[(folded - lengths[pattern]) & ringMask], i + 1, values.get(pattern));
                }
            }
        }
    }

    static String fold(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = FOLD[pattern.charAt(i)];
            if (c != ' ' || (out.length() > 0 && out.charAt(out.length() - 1) != ' ')) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static char[] foldTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                table[c] = ' ';
            }
        }
        table['\u2018'] = '\'';
        table['\u2019'] = '\'';
        return table;
    }

    /** Collects patterns, then compiles them once. */
    static final class Builder<T> {
        private final List<String> patterns = new ArrayList<>();
        private final List<T> values = new ArrayList<>();

        Builder<T> add(String pattern, T value) {
            String folded = fold(pattern);
            if (folded.isEmpty()) {
                throw new IllegalArgumentException("empty pattern for " + value);
            }
            patterns.add(folded);
            values.add(value);
            return this;
        }

        AhoCorasick<T> build() {
            TreeSet<Character> alphabet = new TreeSet<>();
            alphabet.add(' ');
            patterns.forEach(p -> p.chars().forEach(c -> alphabet.add((char) c)));
            char[] foldedClass = new char[Character.MAX_VALUE + 1];
            int classes = 1;
            for (char c : alphabet) {
                foldedClass[c] = (char) classes++;
            }
            char[] classOf = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                classOf[c] = foldedClass[FOLD[c]];
            }

            List<Map<Character, Integer>> children = new ArrayList<>();
            List<List<Integer>> ending = new ArrayList<>();
            children.add(new HashMap<>());
            ending.add(new ArrayList<>());
            int[] lengths = new int[patterns.size()];
            for (int p = 0; p < patterns.size(); p++) {
                String pattern = patterns.get(p);
                lengths[p] = pattern.length();
                int state = 0;
                for (char c : pattern.toCharArray()) {
                    Integer child = children.get(state).get(c);
                    if (child == null) {
                        child = children.size();
                        children.get(state).put(c, child);
                        children.add(new HashMap<>());
                        ending.add(new ArrayList<>());
                    }
                    state = child;
                }
                ending.get(state).add(p);
            }

            int states = children.size();
            int[] next = new int[states * classes];
            int[] failure = new int[states];
            int[] outputLink = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (Map.Entry<Character, Integer> edge : children.get(0).entrySet()) {
                next[classOf[edge.getKey()]] = edge.getValue();
                queue.add(edge.getValue());
            }
            while (!queue.isEmpty()) {
                int state = queue.poll();
                int fail = failure[state];
                System.arraycopy(next, fail * classes, next, state * classes, classes);
                for (Map.Entry<Character, Integer> edge : children.get(state).entrySet()) {
                    int child = edge.getValue();
                    int cls = classOf[edge.getKey()];
                    failure[child] = next[fail * classes + cls];
                    next[state * classes + cls] = child;
                    queue.add(child);
                }
                outputLink[state] = ending.get(fail).isEmpty() ? outputLink[fail] : fail;
            }
            int[][] patternsEndingAt = new int[states][];
            for (int s = 0; s < states; s++) {
                patternsEndingAt[s] = ending.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
            return new AhoCorasick<>(classOf, classes, next, patternsEndingAt, outputLink, lengths, List.copyOf(values));
        }
    }
}
