/**
 * The lifecycle report of a project (issue 4): what its coproduction looked like phase by phase,
 * built from the record at a chosen (asOf, knownAt), as answer records that every format renders.
 */
package org.coproduction.timeline.report.api;
