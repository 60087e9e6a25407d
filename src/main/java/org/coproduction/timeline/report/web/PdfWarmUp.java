package org.coproduction.timeline.report.web;

import org.coproduction.timeline.report.query.PdfReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, renders a small page to PDF on a background thread of low
 * priority, so that the first report a person asks for does not also pay for loading the PDF
 * renderer, its SVG drawer and the PDF library (a second or two of class loading). Nothing waits for
 * it; a failure is logged and changes nothing. Off with {@code timeline.report.warm-up=false} (the
 * tests' contexts, which render reports of their own).
 */
@Component
@ConditionalOnProperty(name = "timeline.report.warm-up", havingValue = "true", matchIfMissing = true)
class PdfWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PdfWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(PdfWarmUp::render, "pdf-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void render() {
        long start = System.nanoTime();
        try {
            PdfReport.warmUp();
            log.debug("PDF renderer ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not warm the PDF renderer up (the first report will load it): {}", e.toString());
        }
    }
}
