/** What the meetings' transcripts hold: their turns, each with its words and its coding. */
package org.coproduction.timeline.meeting.query;
