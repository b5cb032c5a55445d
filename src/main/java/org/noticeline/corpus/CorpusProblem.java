package org.noticeline.corpus;

/** One thing wrong with a file of the corpus, located well enough for a curator to fix it. */
public record CorpusProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + (field == null ? "" : " [" + field + "]") + " " + message;
    }
}
