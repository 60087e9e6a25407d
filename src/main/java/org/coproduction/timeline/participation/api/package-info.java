/**
 * Who spoke, who shaped decisions and who stayed quiet, per window of a project's life and per
 * perspective, as docs/metrics.md defines each measure: the answer records of the participation and
 * member-trajectory questions.
 */
package org.coproduction.timeline.participation.api;
