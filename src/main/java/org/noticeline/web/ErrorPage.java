package org.noticeline.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The HTML face of a {@link Problem}, for browsers. */
public final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    private ErrorPage() {
    }

    static String render(Problem problem) {
        return Templates.error(problem).render();
    }
}
