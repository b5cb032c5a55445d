package org.noticeline.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.noticeline.notice.NoticeView;

import java.util.List;

/** An {@code /api/notices} item with how well it matched and where: snippets are escaped text in which only {@code <mark>} is markup. */
public record SearchHit(@JsonUnwrapped NoticeView notice,
                        @Schema(description = "BM25 relevance of this hit to the query; comparable only within one answer") float score,
                        @Schema(description = "Passages of the notice's text, escaped, with the matching words in <mark>") List<String> snippets) {
}
