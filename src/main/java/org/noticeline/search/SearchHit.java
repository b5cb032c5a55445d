package org.noticeline.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.noticeline.notice.NoticeView;

import java.util.List;

/** An {@code /api/notices} item with how well it matched and where: snippets are escaped text in which only {@code <mark>} is markup. */
public record SearchHit(@JsonUnwrapped NoticeView notice, float score, List<String> snippets) {
}
