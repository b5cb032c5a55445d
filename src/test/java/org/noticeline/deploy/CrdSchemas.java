package org.noticeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The openAPIV3Schema of every served version of the CustomResourceDefinitions in a directory, as JSON
 * Schemas (OpenAPI 3.0 dialect). The API server prunes or, with strict field validation, refuses fields a
 * structural schema does not declare; JSON Schema allows them unless told otherwise, so every object schema
 * that declares its properties gets {@code additionalProperties: false} (except where the CRD says
 * {@code x-kubernetes-preserve-unknown-fields}). CEL rules ({@code x-kubernetes-validations}) are not checked.
 */
final class CrdSchemas {
    /** Kubernetes' own keywords are about merging and CEL, not validation here: known, so not warned about. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getOpenApi30())
            .keywords(Stream.of("int-or-string", "list-type", "list-map-keys", "map-type", "validations", "preserve-unknown-fields", "embedded-resource")
                    .map(keyword -> new NonValidationKeyword("x-kubernetes-" + keyword)).toList())
            .build());

    private final Map<String, Schema> byType;

    private CrdSchemas(Map<String, Schema> byType) {
        this.byType = byType;
    }

    static CrdSchemas load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new AssertionError("no CRD schemas at " + directory.toAbsolutePath()
                    + ": they are in shared/k8s-schemas beside the project (or name the folder with -Dnoticeline.k8s-schemas=... or NOTICELINE_K8S_SCHEMAS)");
        }
        Map<String, Schema> byType = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Kustomize.read(file)) {
                    JsonNode spec = crd.path("spec");
                    for (JsonNode version : spec.path("versions")) {
                        if (version.path("served").asBoolean()) {
                            ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                            closeObjects(schema);
                            String type = spec.path("group").asText() + "/" + version.path("name").asText() + "/" + spec.path("names").path("kind").asText();
                            byType.put(type, REGISTRY.getSchema(schema.toString(), InputFormat.JSON));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(byType);
    }

    boolean knows(JsonNode object) {
        return byType.containsKey(StrictModels.typeOf(object));
    }

    /** The schema's complaints about an object, each with where in the object it is. */
    List<String> validate(JsonNode object) {
        Schema schema = byType.get(StrictModels.typeOf(object));
        if (schema == null) {
            throw new IllegalArgumentException("no CRD schema for " + StrictModels.typeOf(object) + " (known: " + byType.keySet() + ")");
        }
        return schema.validate(object.toString(), InputFormat.JSON).stream().map(error -> error.toString()).toList();
    }

    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties")) {
            node.get("properties").forEach(CrdSchemas::closeObjects);
            if (!node.has("additionalProperties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                node.put("additionalProperties", false);
            }
        }
        closeObjects(node.path("items"));
        closeObjects(node.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(CrdSchemas::closeObjects);
        }
        closeObjects(node.path("not"));
    }
}
