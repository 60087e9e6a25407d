/** The rules of meetings and contributions, enforced inside the project aggregate. */
package org.coproduction.timeline.meeting.command;
