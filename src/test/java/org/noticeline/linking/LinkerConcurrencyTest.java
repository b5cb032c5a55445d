package org.noticeline.linking;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One linker serves many threads: concurrent extractions give what sequential ones give. */
class LinkerConcurrencyTest {

    @Test
    void givesTheSameExtractionsFromManyThreads() throws Exception {
        List<String> texts = Passage.all().stream().map(Passage::text).toList();
        List<Extraction> sequential = texts.stream().map(RealCatalog.LINKER::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Extraction>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> texts.stream().map(RealCatalog.LINKER::extract).toList()));
            }
            for (Future<List<Extraction>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
