/** The codebook's events and commands: codes defined, revised, merged and retired. */
package org.coproduction.timeline.codebook.api;
