package org.noticeline.linking;

import org.noticeline.corpus.CatalogReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-threaded throughput of {@link Linker#extract} over a generated corpus: notices of a few
 * kilobytes each, mixing the labelled passages with citation-free prose, about 8 MB in all.
 * Run from the project directory:
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.noticeline.linking.LinkingBenchmark -Dexec.classpathScope=test}
 * (optional argument: corpus size in MB, {@code -Dexec.args=16}).
 */
public final class LinkingBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int TIMED_ROUNDS = 10;

    private static final String[] PROSE = {
        "The provider submitted its reply within the deadline set by the authority.",
        "According to the information gathered so far, the measures in place do not appear sufficient.",
        "Stakeholders were consulted between March and June, and more than 300 responses were received.",
        "The assessment covers the design of the interface, the functioning of the recommender systems and the moderation of content.",
        "In its reply of 14 February 2024 the company explained that it had updated its terms and conditions.",
        "Researchers, civil society organisations and national regulators contributed evidence to the investigation.",
        "The opening of proceedings does not prejudge the outcome of the investigation.",
        "Users in several Member States reported that they could not find the reporting tool easily.",
        "The authority will continue to gather evidence, for example by sending further requests for information or conducting interviews.",
        "Fines may reach a percentage of the provider's total worldwide annual turnover in the preceding financial year.",
        "The company has the right to reply in writing and to access the file.",
        "Advertising repositories must allow searches by advertiser, by period and by the main parameters used for targeting.",
        "The report describes 42 systemic risks and the mitigation measures put in place for each of them.",
        "Following the hearing, the provider offered commitments to address the concerns identified.",
        "Minors are particularly exposed to design features that encourage prolonged use.",
        "The national coordinator shared its findings with the Board at its meeting in Brussels.",
        "Independent audits must be carried out at least once a year by organisations with proven expertise.",
        "The regulator published guidance explaining how services should assess the risk of illegal harms.",
        "Complaints must be handled in a timely, non-discriminatory, diligent and non-arbitrary manner.",
        "The data provided covers the period from 1 January to 30 June 2024 and all official languages.",
    };

    private LinkingBenchmark() {
    }

    public static void main(String[] args) {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Linker linker = Linker.from(CatalogReader.read(Path.of("notices/catalog")));
        List<String> notices = corpus(megabytes * 1_000_000L);
        long bytes = notices.stream().mapToLong(n -> n.getBytes(StandardCharsets.UTF_8).length).sum();
        long chars = notices.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "Corpus: %d notices, %.1f MB (UTF-8), %d chars%n", notices.size(), bytes / 1e6, chars);

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            run(linker, notices);
        }
        double[] rates = new double[TIMED_ROUNDS];
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            long start = System.nanoTime();
            long mentions = run(linker, notices);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[round] = bytes / 1e6 / seconds;
            System.out.printf(Locale.ROOT, "  round %2d: %.3f s, %.1f MB/s (%d mentions)%n", round + 1, seconds, rates[round], mentions);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "Linking engine, single thread: median %.1f MB/s, best %.1f MB/s%n",
                rates[TIMED_ROUNDS / 2], rates[TIMED_ROUNDS - 1]);
    }

    /** Counting what was found keeps the JIT from discarding the work. */
    private static long run(Linker linker, List<String> notices) {
        long mentions = 0;
        for (String notice : notices) {
            Extraction e = linker.extract(notice);
            mentions += e.rules().size() + e.platforms().size() + e.providers().size() + e.authorities().size()
                    + e.dates().size() + e.unresolved().size();
        }
        return mentions;
    }

    /** Notices of two to twelve paragraphs, each a passage or a paragraph of prose, like the corpus of notices. */
    private static List<String> corpus(long targetBytes) {
        List<String> passages = Passage.all().stream().map(Passage::text).toList();
        Random random = new Random(42);
        List<String> notices = new ArrayList<>();
        long size = 0;
        while (size < targetBytes) {
            StringBuilder notice = new StringBuilder();
            int paragraphs = 2 + random.nextInt(11);
            for (int p = 0; p < paragraphs; p++) {
                if (random.nextInt(3) == 0) {
                    notice.append(passages.get(random.nextInt(passages.size())));
                } else {
                    int sentences = 3 + random.nextInt(6);
                    for (int s = 0; s < sentences; s++) {
                        notice.append(PROSE[random.nextInt(PROSE.length)]).append(' ');
                    }
                }
                notice.append("\n\n");
            }
            notices.add(notice.toString());
            size += notice.length();
        }
        return notices;
    }
}
