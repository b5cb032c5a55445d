package org.noticeline.linking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON contract of an extraction: these field names, in this order, and nothing else. */
class ExtractionJsonTest {

    private static final String TEXT = "On 12 August 2024 the European Commission told X (formerly Twitter) and Meta "
            + "that Article 34(1) DSA applies; Article 17 was cited too, and the GDPR. And Article 18.";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serialisesToTheContractFields() throws Exception {
        JsonNode root = json.valueToTree(RealCatalog.LINKER.extract(TEXT));
        assertThat(names(root)).containsExactly("rules", "platforms", "providers", "authorities", "dates", "unresolved");
        assertThat(names(root.get("rules").get(0)))
                .containsExactly("key", "instrument", "article", "paragraph", "point", "text", "start", "end", "resolvedBy");
        assertThat(names(root.get("platforms").get(0))).containsExactly("id", "name", "text", "start", "end");
        assertThat(names(root.get("providers").get(0))).containsExactly("id", "name", "text", "start", "end");
        assertThat(names(root.get("authorities").get(0))).containsExactly("id", "name", "text", "start", "end");
        assertThat(names(root.get("dates").get(0))).containsExactly("date", "text", "start", "end");
        assertThat(names(root.get("unresolved").get(0))).containsExactly("text", "reason", "start", "end");
    }

    @Test
    void writesTheValuesAsTheContractShowsThem() throws Exception {
        JsonNode root = json.valueToTree(RealCatalog.LINKER.extract(TEXT));
        assertThat(json.writeValueAsString(root.get("rules").get(0))).isEqualTo(
                "{\"key\":\"DSA:34\",\"instrument\":\"DSA\",\"article\":\"34\",\"paragraph\":\"1\",\"point\":null,"
                        + "\"text\":\"Article 34(1)\",\"start\":82,\"end\":95,\"resolvedBy\":\"sentence\"}");
        assertThat(json.writeValueAsString(root.get("platforms").get(0))).isEqualTo(
                "{\"id\":\"x\",\"name\":\"X\",\"text\":\"X (formerly Twitter)\",\"start\":47,\"end\":67}");
        assertThat(json.writeValueAsString(root.get("dates").get(0)))
                .isEqualTo("{\"date\":\"2024-08-12\",\"text\":\"12 August 2024\",\"start\":3,\"end\":17}");
        assertThat(root.get("unresolved").get(0).get("reason").asText())
                .isEqualTo("the document names [DSA, GDPR]; the sentence does not say which");
    }

    @Test
    void offersTheDistinctRuleKeysAndPlatformIdsAsDetectedLinks() {
        Extraction extraction = RealCatalog.LINKER.extract(
                "X breached Articles 34(1), 34(2) and 35(1) DSA; Twitter, now X, also breached Article 34 DSA.");
        assertThat(extraction.links()).isEqualTo(new DetectedLinks(List.of("DSA:34", "DSA:35"), List.of("x")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
