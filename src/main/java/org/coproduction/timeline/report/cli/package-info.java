/** The command line {@code report PROJECT --format html|md|json|pdf --out FILE}: a lifecycle report written to a file. */
package org.coproduction.timeline.report.cli;
