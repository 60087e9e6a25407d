package org.coproduction.timeline.report.query;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The report's jte templates ({@code src/main/jte/html}), compiled with the application by the
 * jte-maven-plugin: the page ({@code report.jte}) and a chart ({@code chart.jte}). jte escapes all
 * text for where it stands.
 */
final class ReportTemplates {

    private static final TemplateEngine TEMPLATES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "gg.jte.generated.report.html");

    private ReportTemplates() {}

    /** {@code template} laid out from {@code model}, into a buffer of about {@code expectedSize} characters. */
    static String render(String template, Object model, int expectedSize) {
        StringOutput output = new StringOutput(expectedSize);
        TEMPLATES.render(template, model, output);
        return output.toString();
    }
}
