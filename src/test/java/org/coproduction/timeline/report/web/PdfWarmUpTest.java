package org.coproduction.timeline.report.web;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The warm-up page renders (a failure would only be logged at start, so it is checked here). */
class PdfWarmUpTest {

    @Test
    void theWarmUpPageRendersToPdfWithoutAnError() {
        assertThatCode(org.coproduction.timeline.report.query.PdfReport::warmUp).doesNotThrowAnyException();
    }
}
