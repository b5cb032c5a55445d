package org.noticeline.timeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineSvgTest {

    @Test
    void drawsALanePerGroupAndALinkedMarkPerNoticeWithEscapedText() {
        String svg = TimelineSvg.render("caption", List.of(
                new TimelineSvg.Lane("X <Corp>", "/platforms/x", List.of(
                        new TimelineSvg.Mark(LocalDate.of(2023, 12, 18), "/notices/a", "Opening & more", "opening-of-proceedings"),
                        new TimelineSvg.Mark(LocalDate.of(2025, 12, 5), "/notices/b", "Fine", "fine"))),
                new TimelineSvg.Lane("TikTok", "/platforms/tiktok", List.of(
                        new TimelineSvg.Mark(LocalDate.of(2024, 2, 19), "/notices/c", "Opening", "opening-of-proceedings")))));

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<circle", -1)).hasSize(4);
        assertThat(svg).contains("href=\"/notices/a\"", "href=\"/notices/b\"", "href=\"/notices/c\"");
        assertThat(svg).contains("X &lt;Corp&gt;", "Opening &amp; more").doesNotContain("<Corp>");
        assertThat(svg).contains("fill=\"" + TypeColours.of("fine") + "\"");
        assertThat(svg).contains(">2023<", ">2024<", ">2025<");
    }

    @Test
    void nothingToDrawGivesNoSvg() {
        assertThat(TimelineSvg.render("caption", List.of())).isEmpty();
    }

    @Test
    void aCenturyOfDatesDrawsAtMostTwentyYearTicks() {
        String svg = TimelineSvg.render("caption", List.of(new TimelineSvg.Lane("lane", null, List.of(
                new TimelineSvg.Mark(java.time.LocalDate.of(1900, 1, 1), "/a", "old", "fine"),
                new TimelineSvg.Mark(java.time.LocalDate.of(2036, 12, 31), "/b", "new", "fine")))));
        assertThat(svg.split("class=\"tick\"", -1).length - 1).isBetween(2, 20);
    }
}
