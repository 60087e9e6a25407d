package org.coproduction.timeline.report.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void escapesEveryCharacterThatCouldMakeMarkdownHtmlOrATableCellOfItsOwn() {
        String awkward = "a|b *c* _d_ [e](f) ![g](h) <i> &amp; # `j` ~k~ \\l";

        assertThat(MarkdownReport.escape(awkward))
                .isEqualTo(
                        "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\!\\[g\\](h) &lt;i&gt; &amp;amp; \\# \\`j\\` \\~k\\~ \\\\l");
    }

    @Test
    void writesAngleBracketsAndAmpersandsAsEntitiesSoNoRendererSeesRawHtml() {
        String escaped = MarkdownReport.escape("<script>alert(1)</script><img src=x onerror=alert(1)> & <b>");

        assertThat(escaped)
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;")
                .doesNotContain("<")
                .doesNotContain(">");
    }

    @Test
    void atTheStartOfALineNeitherAListNorARuleNorACodeBlockCanBegin() {
        assertThat(MarkdownReport.escapeLine("- not a list")).isEqualTo("\\- not a list");
        assertThat(MarkdownReport.escapeLine("+ not a list")).isEqualTo("\\+ not a list");
        assertThat(MarkdownReport.escapeLine("---")).isEqualTo("\\---");
        assertThat(MarkdownReport.escapeLine("1. not a list")).isEqualTo("1\\. not a list");
        assertThat(MarkdownReport.escapeLine("12) not a list")).isEqualTo("12\\) not a list");
        assertThat(MarkdownReport.escapeLine("    not code")).isEqualTo("not code");
        assertThat(MarkdownReport.escapeLine("> not a quote")).isEqualTo("&gt; not a quote");
        assertThat(MarkdownReport.escapeLine("2023-01-02 to 2023-03-01: 1 meetings"))
                .isEqualTo("2023-01-02 to 2023-03-01: 1 meetings");
    }

    @Test
    void keepsRecordTextOnOneLineSoItStaysInItsParagraphOrCell() {
        assertThat(MarkdownReport.escape("first\r\nsecond\nthird")).isEqualTo("first  second third");
        assertThat(MarkdownReport.escape(null)).isEmpty();
    }

    @Test
    void theTemplatesOutputEscapesAValueForWhereItStands() {
        MarkdownReport.Output out = new MarkdownReport.Output();
        out.writeUserContent("1. Scoping");
        out.writeContent("\n\n| ");
        out.writeUserContent("1. Scoping");
        out.writeContent(" |\n> ");
        out.writeUserContent("- quoted");
        out.writeContent("\n- ");
        out.writeUserContent("+ listed");
        out.writeContent("\n### ");
        out.writeUserContent("2) heading <b>");
        out.writeContent("\n");
        out.writeUserContent((String) null);

        assertThat(out.toString())
                .isEqualTo("1\\. Scoping\n\n| 1. Scoping |\n> \\- quoted\n- \\+ listed\n### 2) heading &lt;b&gt;\n");
    }
}
