package org.noticeline.corpus;

import java.util.List;

/** The YAML header of a notice file, as written; checked later against the catalog. */
record FrontMatter(String slug, String title, String date, String type, String authority, String jurisdiction,
                   List<String> platforms, List<String> rules, String proceeding, String language, String summary,
                   List<String> sources) {
}
