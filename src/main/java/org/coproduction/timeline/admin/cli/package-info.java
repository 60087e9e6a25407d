/** The command line {@code rebuild NAME|all}: resets read models on the configured store and shows their replay. */
package org.coproduction.timeline.admin.cli;
