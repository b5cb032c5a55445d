package org.noticeline.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** One rendered kustomization (base or an overlay): its objects as trees, and typed views of the core ones. */
record Rendered(String name, List<ObjectNode> objects) {

    static Rendered of(String kustomization) {
        return new Rendered(kustomization, Kustomize.render(Path.of("k8s").resolve(kustomization)));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(HasMetadata.getKind(type))
                        && o.path("apiVersion").asText().equals(HasMetadata.getApiVersion(type)))
                .map(o -> type.cast(StrictModels.parse(o)))
                .toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> all = all(type);
        if (all.size() != 1) {
            throw new AssertionError(name + ": expected one " + HasMetadata.getKind(type) + ", found " + all.size());
        }
        return all.get(0);
    }

    /** Custom resources (no typed model) of a kind, as trees. */
    List<ObjectNode> custom(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    ObjectNode customOne(String kind) {
        List<ObjectNode> all = custom(kind);
        if (all.size() != 1) {
            throw new AssertionError(name + ": expected one " + kind + ", found " + all.size());
        }
        return all.get(0);
    }

    /** A copy with a JSON patch (YAML) applied to the object of that kind and name: to show that a check fails. */
    Rendered broken(String kind, String objectName, String patch) {
        List<ObjectNode> copies = objects.stream().map(ObjectNode::deepCopy).toList();
        ObjectNode target = copies.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(objectName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + objectName + " in " + name));
        try {
            JsonPatch.apply(target, Kustomize.YAML.readTree(patch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(name + " (broken " + kind + " " + objectName + ")", copies);
    }

}
