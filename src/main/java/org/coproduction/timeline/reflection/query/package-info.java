/** The texts a member may read and code: reflections and interview summaries, with their coded passages. */
package org.coproduction.timeline.reflection.query;
