/** The command line: import and export JSON Lines files without starting the web server. */
package org.coproduction.timeline.interchange.cli;
