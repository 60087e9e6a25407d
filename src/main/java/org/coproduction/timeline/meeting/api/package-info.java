/** Meetings and their coded contributions: events, commands and the coding scheme. */
package org.coproduction.timeline.meeting.api;
