package org.coproduction.timeline.report.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void escapesEveryCharacterThatCouldMakeMarkdownHtmlOrATableCellOfItsOwn() {
        String awkward = "a|b *c* _d_ [e](f) ![g](h) <i> &amp; # `j` ~k~ \\l";

        assertThat(MarkdownReport.escape(awkward))
                .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\!\\[g\\](h) \\<i\\> \\&amp; \\# \\`j\\` \\~k\\~ \\\\l");
    }

    @Test
    void keepsRecordTextOnOneLineSoItStaysInItsParagraphOrCell() {
        assertThat(MarkdownReport.escape("first\r\nsecond\nthird")).isEqualTo("first  second third");
        assertThat(MarkdownReport.escape(null)).isEmpty();
    }
}
