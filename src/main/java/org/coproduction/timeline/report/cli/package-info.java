/** The command line {@code report PROJECT --format html|json|pdf --out FILE}: a lifecycle report written to a file. */
package org.coproduction.timeline.report.cli;
