package org.noticeline.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.noticeline.harness.ServiceProcesses;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.notice.rest.NoticeWriteTest.notice;

/**
 * Two service processes on one PostgreSQL: a notice written through one is found by a search on the other within two
 * seconds; a replica restarted without its index is up at once and answers 503 with Retry-After until it has rebuilt.
 */
@EnabledIfEnvironmentVariable(named = ServiceProcesses.APP_ENV, matches = ".+")
class SearchReplicasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServiceProcesses services = new ServiceProcesses();

    @BeforeAll
    static void startTwo() throws Exception {
        services.start(2);
        awaitSearch(0);
        awaitSearch(1);
    }

    private static HttpResponse<String> search(int replica, String q) throws Exception {
        return services.get(replica, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static void awaitSearch(int replica) throws Exception {
        long end = System.nanoTime() + 120_000_000_000L;
        while (search(replica, "").statusCode() == 503) {
            assertThat(System.nanoTime()).as("replica %d's index is built", replica).isLessThan(end);
            Thread.sleep(100);
        }
    }

    @Test
    void aNoticeWrittenThroughOneReplicaIsFoundOnTheOtherWithinTwoSeconds() throws Exception {
        String word = "numbatreplica" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String slug = "search-replicas-" + word;
        assertThat(services.postJson(1, "/api/notices", notice(slug, "Ofcom asked 4chan about " + word + " under section 102.")).statusCode())
                .isEqualTo(201);
        long written = System.nanoTime();
        JsonNode answer;
        do {
            assertThat(System.nanoTime() - written).as("searchable on the other replica within 2 s").isLessThan(2_000_000_000L);
            Thread.sleep(20);
            answer = JSON.readTree(search(0, word).body());
        } while (answer.get("total").asInt() == 0);
        assertThat(answer.get("items").get(0).get("slug").asText()).isEqualTo(slug);
    }

    @Test
    void aReplicaWithoutItsIndexStartsAtOnceAndAnswers503UntilItHasRebuilt() throws Exception {
        String fresh = Files.createTempDirectory("noticeline-index-").resolve("index").toString();
        services.restart(0, Map.of("noticeline.search.index-dir", fresh));

        // Ready (start-up did not wait for the index); a search either waits for the rebuild or finds everything.
        HttpResponse<String> first = search(0, "");
        if (first.statusCode() == 503) {
            assertThat(first.headers().firstValue("Retry-After")).contains("5");
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        } else {
            assertThat(first.statusCode()).isEqualTo(200);
        }
        awaitSearch(0);
        int onOther = JSON.readTree(search(1, "").body()).get("total").asInt();
        assertThat(JSON.readTree(search(0, "").body()).get("total").asInt()).isEqualTo(onOther);
    }
}
