package org.noticeline.corpus;

import org.noticeline.domain.FieldError;
import org.noticeline.notice.NoticeContent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one notice file (YAML front matter between {@code ---} lines, then Markdown) into a
 * {@link NoticeContent}, or into every problem of its form, each with the file's line number. Whether the
 * content is a valid notice is for {@code NoticeService} to say; {@link ParsedNotice#problems} puts its
 * answer on the lines of the file.
 */
public final class NoticeFileParser {

    private static final Pattern DELIMITER = Pattern.compile("^---\\s*$");

    private NoticeFileParser() {
    }

    /**
     * @param file     the path shown in problems, relative to the corpus folder
     * @param stem     the file name without {@code .md}: the slug when the front matter gives none
     */
    public static ParsedNotice parse(String file, String stem, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !DELIMITER.matcher(lines[0]).matches()) {
            throw problem(file, 1, null, "a notice starts with a front matter block opened by '---'");
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (DELIMITER.matcher(lines[i]).matches()) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw problem(file, 1, null, "front matter is not closed by a '---' line");
        }
        String yaml = String.join("\n", List.of(lines).subList(1, close));
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length)).strip();
        FrontMatter front = Yaml.read(file, yaml, 2, FrontMatter.class);
        if (front == null) {
            throw problem(file, 2, null, "front matter is empty");
        }
        String slug = front.slug() == null ? stem : front.slug();
        NoticeContent content = new NoticeContent(slug, front.title(), front.date(), front.type(), front.authority(),
                front.jurisdiction(), front.platforms(), front.rules(), front.proceeding(), front.language(),
                front.summary(), front.sources(), body);
        ParsedNotice parsed = new ParsedNotice(file, yaml, content);
        if (front.slug() != null && !front.slug().equals(stem)) {
            throw new CorpusException(parsed.problems(List.of(
                    new FieldError("slug", front.slug(), "slug '" + front.slug() + "' differs from the file name '" + stem + "'"))));
        }
        return parsed;
    }

    /** A file read into content; its front matter stays at hand to place problems on their lines. */
    public record ParsedNotice(String file, String yaml, NoticeContent content) {

        public List<CorpusProblem> problems(List<FieldError> errors) {
            return errors.stream().map(e -> new CorpusProblem(file, lineOf(yaml, e), e.field(), e.message())).toList();
        }
    }

    /** The line of the field, or of its offending value inside a block list; offset past the opening '---'. */
    private static int lineOf(String yaml, FieldError error) {
        int keyLine = Yaml.lineOf(yaml, "^" + Pattern.quote(error.field()) + "\\s*:", 0);
        if (keyLine == 0) {
            return 1;
        }
        if (error.value() != null) {
            String[] lines = yaml.split("\n", -1);
            for (int i = keyLine - 1; i < lines.length; i++) {
                if (i > keyLine - 1 && !lines[i].startsWith(" ") && !lines[i].startsWith("-")) {
                    break;
                }
                if (lines[i].contains(error.value())) {
                    return i + 2;
                }
            }
        }
        return keyLine + 1;
    }

    private static CorpusException problem(String file, int line, String field, String message) {
        return new CorpusException(List.of(new CorpusProblem(file, line, field, message)));
    }
}
