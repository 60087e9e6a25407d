package org.coproduction.timeline.reflection.command;

import static org.coproduction.timeline.project.api.RuleViolationException.conflict;
import static org.coproduction.timeline.project.api.RuleViolationException.notFound;

import java.util.HashSet;
import java.util.Set;
import org.coproduction.timeline.project.command.ProjectState;
import org.coproduction.timeline.reflection.api.JournalEvent;
import org.coproduction.timeline.reflection.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.reflection.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.reflection.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.reflection.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.reflection.api.JournalEvent.ReflectionWritten;

/** The reflections and interviews a project has recorded, as far as its rules need them. */
public final class Journal {

    private final Set<String> reflections = new HashSet<>();
    private final Set<String> interviews = new HashSet<>();

    public boolean hasReflection(String reflectionId) {
        return reflections.contains(reflectionId);
    }

    public void check(JournalEvent event, ProjectState project) {
        if (event instanceof ReflectionWritten written) {
            if (hasReflection(written.reflectionId())) {
                throw conflict("reflectionId", "reflection " + written.reflectionId() + " is already recorded");
            }
            project.team().requireMemberAt("authorId", written.authorId(), written.occurredAt());
            if (written.decisionId() != null) {
                project.decisions().requireDecision("decisionId", written.decisionId());
            }
            if (written.meetingId() != null && !project.meetings().hasMeeting(written.meetingId())) {
                throw notFound("meetingId", "meeting " + written.meetingId() + " is not recorded");
            }
        } else if (event instanceof ReflectionCoded coded) {
            if (!hasReflection(coded.reflectionId())) {
                throw notFound("reflectionId", "reflection " + coded.reflectionId() + " is not recorded");
            }
            project.team().requireMemberAt("codedBy", coded.codedBy(), coded.occurredAt());
            project.codebook().requireUsable("codes", coded.codes(), coded.occurredAt());
        } else if (event instanceof InterviewRecorded interview) {
            if (interviews.contains(interview.interviewId())) {
                throw conflict("interviewId", "interview " + interview.interviewId() + " is already recorded");
            }
            project.team().requireMemberAt("intervieweeId", interview.intervieweeId(), interview.occurredAt());
            project.team().requireMemberAt("interviewerId", interview.interviewerId(), interview.occurredAt());
            if (interview.codes() != null) {
                project.codebook().requireUsable("codes", interview.codes(), interview.occurredAt());
            }
        } else if (event instanceof Gripp2ItemWritten written) {
            for (int i = 0; i < written.authors().size(); i++) {
                project.team()
                        .requireMemberAt("authors[" + i + "]", written.authors().get(i), written.occurredAt());
            }
        } else if (event instanceof ConsentWithdrawn withdrawn
                && !project.team().hasEverJoined(withdrawn.memberId())) {
            throw notFound("memberId", "member " + withdrawn.memberId() + " has not joined the project");
        }
    }

    public void evolve(JournalEvent event) {
        if (event instanceof ReflectionWritten written) {
            reflections.add(written.reflectionId());
        } else if (event instanceof InterviewRecorded interview) {
            interviews.add(interview.interviewId());
        }
    }
}
