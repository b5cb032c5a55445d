package org.noticeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the subset that {@code k8s/} uses, since CI
 * has no kustomize binary: {@code resources} (files and directories), inline JSON 6902 {@code patches} with a
 * {@code target} of kind and name, {@code namespace} and {@code images}, applied in kustomize's order
 * (patches, namespace, images). Anything else in a kustomization fails, rather than rendering something
 * kustomize would not. Output keeps the order of {@code resources}; kustomize sorts by kind.
 */
final class Kustomize {
    static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        List<ObjectNode> documents = read(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " is not one document");
        }
        JsonNode kustomization = documents.get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not supported by the test's renderer (" + FIELDS + ")");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(file, patch, objects);
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            objects.forEach(object -> ((ObjectNode) object.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(object -> setImage(object, image));
        }
        return objects;
    }

    /** Every non-empty YAML document of a file. */
    static List<ObjectNode> read(Path file) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<ObjectNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IllegalArgumentException(file + ": a document that is not an object");
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static void patch(Path file, JsonNode patch, List<ObjectNode> objects) {
        JsonNode target = patch.path("target");
        target.fieldNames().forEachRemaining(field -> {
            if (!TARGET_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": patch targets by " + TARGET_FIELDS + " only, not '" + field + "'");
            }
        });
        if (!patch.path("patch").isTextual() || patch.has("path")) {
            throw new IllegalArgumentException(file + ": only inline patches ('patch: |-') are supported");
        }
        JsonNode operations;
        try {
            operations = YAML.readTree(patch.get("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        // Kustomize takes a map as a strategic merge patch; this renderer does JSON 6902 only.
        if (!operations.isArray()) {
            throw new IllegalArgumentException(file + ": only JSON 6902 patches (a list of operations) are supported");
        }
        List<ObjectNode> matched = objects.stream()
                .filter(o -> o.path("kind").asText().equals(target.path("kind").asText()))
                .filter(o -> o.path("metadata").path("name").asText().equals(target.path("name").asText()))
                .toList();
        // Kustomize ignores a patch that matches nothing; here it is a mistake in an overlay.
        if (matched.isEmpty()) {
            throw new IllegalArgumentException(file + ": the patch for " + target + " matches no resource");
        }
        matched.forEach(object -> JsonPatch.apply(object, operations));
    }

    /** Kustomize's images transformer: containers and initContainers wherever they are nested. */
    private static void setImage(JsonNode node, JsonNode image) {
        node.fields().forEachRemaining(field -> {
            if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                for (JsonNode container : field.getValue()) {
                    String current = container.path("image").asText();
                    if (imageName(current).equals(image.path("name").asText())) {
                        ((ObjectNode) container).put("image", newImage(current, image));
                    }
                }
            } else if (field.getValue().isContainerNode()) {
                setImage(field.getValue(), image);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> setImage(item, image));
        }
    }

    private static String newImage(String current, JsonNode image) {
        String name = image.path("newName").asText(imageName(current));
        if (image.hasNonNull("digest")) {
            return name + "@" + image.get("digest").asText();
        }
        if (image.hasNonNull("newTag")) {
            return name + ":" + image.get("newTag").asText();
        }
        return name + current.substring(imageName(current).length());
    }

    /** The image without its tag or digest; a colon before the last slash is a registry's port. */
    static String imageName(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at < 0 ? image : image.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
