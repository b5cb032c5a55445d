package org.noticeline.timeline;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.noticeline.notice.NoticeContent;

import java.util.ArrayList;
import java.util.List;

/** A line diff between two versions of a notice: its fields one per line, then its body. */
public final class RevisionDiff {

    /** One line of the diff; {@code kind} is {@code added}, {@code removed} or {@code same}. */
    public record Line(String kind, String text) {
    }

    private RevisionDiff() {
    }

    public static List<Line> between(NoticeContent before, NoticeContent after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Line> out = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                out.add(new Line("same", old.get(position)));
            }
            delta.getSource().getLines().forEach(l -> out.add(new Line("removed", l)));
            delta.getTarget().getLines().forEach(l -> out.add(new Line("added", l)));
            position += delta.getSource().size();
        }
        for (; position < old.size(); position++) {
            out.add(new Line("same", old.get(position)));
        }
        return out;
    }

    static List<String> lines(NoticeContent c) {
        if (c == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(
                "title: " + c.title(), "date: " + c.date(), "type: " + c.type(), "authority: " + c.authority(),
                "jurisdiction: " + c.jurisdiction(), "platforms: " + String.join(", ", c.platforms()),
                "rules: " + String.join(", ", c.rules()), "proceeding: " + (c.proceeding() == null ? "" : c.proceeding()),
                "language: " + c.language(), "summary: " + (c.summary() == null ? "" : c.summary()),
                "sources: " + String.join(" ", c.sources()), "---"));
        lines.addAll(List.of(c.body().split("\n", -1)));
        return lines;
    }
}
