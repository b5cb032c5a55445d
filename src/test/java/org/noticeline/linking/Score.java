package org.noticeline.linking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Micro-averaged precision, recall and F1 over sets of ids compared passage by passage. */
final class Score {

    private final String label;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private final List<String> mistakes = new ArrayList<>();

    Score(String label) {
        this.label = label;
    }

    void add(String passage, List<String> expected, List<String> found) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new HashSet<>(found);
        extra.removeAll(expected);
        falseNegatives += missing.size();
        falsePositives += extra.size();
        truePositives += new HashSet<>(found).size() - extra.size();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            mistakes.add(passage + ": missing " + missing + ", extra " + extra);
        }
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    List<String> mistakes() {
        return mistakes;
    }

    String label() {
        return label;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-9s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                label, precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
    }
}
