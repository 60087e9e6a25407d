/** HTTP adapters for recording meetings, coded contributions and their retractions. */
package org.coproduction.timeline.meeting.web;
