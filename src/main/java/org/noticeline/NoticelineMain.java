package org.noticeline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.noticeline.ingest.NoticeArchive;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the service, or with arguments a one-off job on the same database:
 * {@code export FILE} and {@code import FILE} (JSON Lines, as {@code GET /api/export} and {@code POST /api/import}).
 */
@QuarkusMain
public class NoticelineMain implements QuarkusApplication {

    @Inject
    NoticeArchive archive;

    public static void main(String... args) {
        Quarkus.run(NoticelineMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length != 2 || !(args[0].equals("export") || args[0].equals("import"))) {
            System.err.println("usage: java -jar quarkus-run.jar [export FILE | import FILE]");
            return 2;
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("export")) {
            try (OutputStream out = Files.newOutputStream(file)) {
                archive.export(out, true);
            }
            System.out.println("exported to " + file);
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            NoticeArchive.ImportReport report = archive.importFrom(in);
            System.out.printf("imported %d, unchanged %d, refused %d%n", report.imported(), report.unchanged(), report.errors().size());
            report.errors().forEach(e -> System.out.printf("%s:%d: %s%n", file, e.line(), e.message()));
            return report.errors().isEmpty() ? 0 : 1;
        }
    }
}
