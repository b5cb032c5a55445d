package org.noticeline.subscription;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md) and not from the
 * production code: strip {@code whsec_}, base64-decode the rest as the key; the signed content is
 * {@code msg_id + "." + timestamp + "." + body}; the header holds space-delimited {@code v1,<base64>} signatures, any
 * one of which may match; compare in constant time; refuse timestamps too far from now.
 */
final class SpecVerifier {

    private SpecVerifier() {
    }

    static boolean verifies(String secret, String msgId, String timestamp, String body, String signatureHeader, long toleranceSeconds) {
        if (msgId == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(System.currentTimeMillis() / 1000 - ts) > toleranceSeconds) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = hmac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(versioned.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    static boolean verifies(String secret, WebhookReceiver.Received r) {
        return verifies(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.body(), r.header("webhook-signature"), 300);
    }
}
