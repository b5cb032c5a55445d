package org.noticeline.corpus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A problem of the last corpus load as stored, so that every replica's status page shows it. */
@Entity
@Table(name = "corpus_problem")
public class CorpusProblemRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String file;
    public int line;
    public String field;
    public String message;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    static void replaceAll(List<CorpusProblem> problems, Instant at) {
        deleteAll();
        for (CorpusProblem problem : problems) {
            CorpusProblemRecord record = new CorpusProblemRecord();
            record.file = fitted(problem.file(), 300);
            record.line = problem.line();
            record.field = fitted(problem.field(), 100);
            record.message = fitted(problem.message(), 1000);
            record.recordedAt = at;
            record.persist();
        }
    }

    public static List<CorpusProblem> current() {
        return CorpusProblemRecord.<CorpusProblemRecord>list("order by file, line").stream()
                .map(r -> new CorpusProblem(r.file, r.line, r.field, r.message))
                .toList();
    }

    /** A value cut to its column: a problem report must never fail on the length of what it reports. */
    private static String fitted(String value, int width) {
        return value == null || value.length() <= width ? value : value.substring(0, width);
    }
}
