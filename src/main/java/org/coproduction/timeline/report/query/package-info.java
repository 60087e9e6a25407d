/**
 * Builds the lifecycle report from the participation, replay and history answers (never
 * recomputing their figures) and renders it as one self-contained HTML page, or as a PDF of that page.
 */
package org.coproduction.timeline.report.query;
