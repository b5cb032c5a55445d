package org.noticeline.notice.export;

/**
 * CSV cells a spreadsheet will not run: one that it would take as a formula (starting {@code = + - @}, or a tab or
 * carriage return that some strip first) gets a leading apostrophe, as OWASP advises. Every CSV the service writes
 * (exports, the research matrix) passes its text cells through here.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
