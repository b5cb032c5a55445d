package org.noticeline.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses core objects into fabric8's typed models as strictly as {@code kubectl apply --validate=strict}:
 * fabric8 keeps unknown fields in an any-setter map, so the any-setters are switched off and unknown fields
 * fail; a number or boolean where the API wants a string (an unquoted {@code "587"} in a ConfigMap) fails, as
 * it does in the API server, and so does a string where it wants a number.
 */
final class StrictModels {
    private static final List<Class<? extends HasMetadata>> MODELS = List.of(ConfigMap.class, Secret.class, Service.class,
            Deployment.class, Ingress.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class, NetworkPolicy.class);

    private static final Map<String, Class<? extends HasMetadata>> BY_TYPE = MODELS.stream()
            .collect(Collectors.toMap(type -> typeOf(HasMetadata.getApiVersion(type), HasMetadata.getKind(type)), Function.identity()));

    private static final ObjectMapper STRICT = strictMapper();

    private StrictModels() {
    }

    static boolean isCore(JsonNode object) {
        return BY_TYPE.containsKey(typeOf(object));
    }

    static HasMetadata parse(JsonNode object) {
        Class<? extends HasMetadata> type = BY_TYPE.get(typeOf(object));
        if (type == null) {
            throw new IllegalArgumentException("no typed model for " + typeOf(object) + " (known: " + BY_TYPE.keySet() + ")");
        }
        return convert(object, type, typeOf(object) + " " + object.path("metadata").path("name").asText());
    }

    /** The metadata of an object that has no typed model (a custom resource), which its CRD schema leaves open. */
    static ObjectMeta metadata(JsonNode object) {
        return convert(object.path("metadata"), ObjectMeta.class, typeOf(object) + " metadata");
    }

    static String typeOf(JsonNode object) {
        return typeOf(object.path("apiVersion").asText(), object.path("kind").asText());
    }

    private static String typeOf(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }

    private static <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (Exception e) {
            throw new AssertionError(what + " does not parse strictly: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated member) {
                        return Boolean.FALSE;
                    }
                })
                .build();
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
