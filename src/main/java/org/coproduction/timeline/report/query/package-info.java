/**
 * Builds the lifecycle report from the participation, replay and history answers (never
 * recomputing their figures), fills its GRIPP2 items, and renders it as one self-contained HTML
 * page, as Markdown, or as a PDF of that page.
 */
package org.coproduction.timeline.report.query;
