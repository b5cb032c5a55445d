package org.noticeline.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a corpus file cannot be used; carries every problem found in it, not just the first. */
public class CorpusException extends RuntimeException {

    private final List<CorpusProblem> problems;

    public CorpusException(List<CorpusProblem> problems) {
        super(problems.stream().map(CorpusProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<CorpusProblem> problems() {
        return problems;
    }
}
