/**
 * The timeline read model: every event of a project in valid-time order, with the phase it falls
 * in and the names of the members it speaks of. Private reflections are stored without their text.
 */
package org.coproduction.timeline.eventlist.query;
