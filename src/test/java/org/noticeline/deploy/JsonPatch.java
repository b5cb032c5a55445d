package org.noticeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 {@code add}, {@code replace} and {@code remove}: what the overlays' patches use, and what the
 * negative tests use to break a rendered manifest. Other operations fail, so an overlay cannot use one
 * that the renderer would silently get wrong.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    static void apply(JsonNode document, JsonNode operations) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException("a JSON patch is a list of operations, not " + operations);
        }
        for (JsonNode operation : operations) {
            apply(document, operation.path("op").asText(), operation.path("path").asText(), operation.get("value"));
        }
    }

    private static void apply(JsonNode document, String op, String pointer, JsonNode value) {
        List<String> tokens = tokens(pointer);
        JsonNode parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, pointer);
        }
        String last = tokens.get(tokens.size() - 1);
        switch (op) {
            case "add" -> add(parent, last, value, pointer);
            case "replace" -> {
                remove(parent, last, pointer);
                add(parent, last, value, pointer);
            }
            case "remove" -> remove(parent, last, pointer);
            default -> throw new IllegalArgumentException("JSON patch operation '" + op + "' is not supported here (" + pointer + ")");
        }
    }

    private static void add(JsonNode parent, String token, JsonNode value, String pointer) {
        if (value == null) {
            throw new IllegalArgumentException("no value to put at " + pointer);
        }
        if (parent instanceof ObjectNode object) {
            object.set(token, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value.deepCopy());
            } else {
                array.insert(index(array, token, pointer, array.size()), value.deepCopy());
            }
        } else {
            throw new IllegalArgumentException("nothing to add into at " + pointer);
        }
    }

    private static void remove(JsonNode parent, String token, String pointer) {
        if (parent instanceof ObjectNode object && object.has(token)) {
            object.remove(token);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(array, token, pointer, array.size() - 1));
        } else {
            throw new IllegalArgumentException("no value at " + pointer);
        }
    }

    private static JsonNode child(JsonNode parent, String token, String pointer) {
        JsonNode child = parent.isArray() ? parent.get(index(parent, token, pointer, parent.size() - 1)) : parent.get(token);
        if (child == null) {
            throw new IllegalArgumentException("no value at " + pointer + " (at '" + token + "')");
        }
        return child;
    }

    private static int index(JsonNode array, String token, String pointer, int max) {
        int index;
        try {
            index = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' is not an array index in " + pointer);
        }
        if (index < 0 || index > max) {
            throw new IllegalArgumentException("index " + index + " is out of bounds in " + pointer + " (" + array.size() + " items)");
        }
        return index;
    }

    private static List<String> tokens(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': '" + pointer + "'");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
