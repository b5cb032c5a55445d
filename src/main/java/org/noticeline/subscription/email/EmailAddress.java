package org.noticeline.subscription.email;

import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address we are willing to write in a {@code To:} header: the common dot-atom form only (no quotes, comments,
 * spaces or line breaks, so nothing can smuggle a header in), a domain of DNS labels with a dot, within the RFC 5321
 * lengths. The domain is kept in lower case; the local part as typed (it may be case-sensitive).
 */
public record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidException.of("email", "an e-mail address is required");
        }
        String address = raw.strip();
        if (address.length() > MAX_LENGTH) {
            throw InvalidException.of("email", "at most " + MAX_LENGTH + " characters");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw InvalidException.of("email", "'" + FieldError.excerpt(address) + "' is not an e-mail address");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            throw InvalidException.of("email", "'" + FieldError.excerpt(address) + "' is not an e-mail address of the form name@example.org");
        }
        return new EmailAddress(local + "@" + domain.toLowerCase(Locale.ROOT));
    }

    /** What the caps count by: the same for every spelling of the address that reaches the same mailbox in practice. */
    String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
