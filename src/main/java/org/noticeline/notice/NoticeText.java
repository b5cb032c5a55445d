package org.noticeline.notice;

/**
 * The words of a notice a text query reads, beside its {@link NoticeTerms}: title, summary and Markdown body in its
 * language, and its status (a query may ask for withdrawn notices).
 */
public record NoticeText(String title, String summary, String body, String language, String status) {

    public static NoticeText of(Notice notice) {
        return new NoticeText(notice.title, notice.summary, notice.body, notice.language, notice.status.id());
    }

    /** The words of a notice as a kept state shows it, with the body of that state's revision. */
    public static NoticeText of(NoticeView notice, String body) {
        return new NoticeText(notice.title(), notice.summary(), body, notice.language(), notice.status());
    }
}
