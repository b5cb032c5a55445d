package org.noticeline.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Canonical JSON of a {@link NoticeContent}: the revision snapshot, and the input of the content hash. */
public final class NoticeSnapshots {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private NoticeSnapshots() {
    }

    public static String toJson(NoticeContent content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice record always serialises", e);
        }
    }

    public static NoticeContent fromJson(String json) {
        try {
            return CANONICAL.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision snapshot is not a notice: " + e.getOriginalMessage(), e);
        }
    }

    public static String hash(String json) {
        return hash(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
