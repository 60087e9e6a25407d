package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.JournalEvent;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.Visibility;

/** The reflections and interviews a project has recorded, as far as its rules need them. */
public final class Journal {

    /** What the rules of reflections, interviews and passages need from the rest of the project. */
    public interface Facts {
        Team team();

        /** Throws {@code notFound(field)} unless the decision is proposed. */
        void requireDecision(String field, String decisionId);

        boolean hasMeeting(String meetingId);

        /** Throws when a code may not be given at {@code at} (the codebook's rules). */
        void requireUsable(String field, List<String> codes, Instant at);

        /** The pseudonym of a member who withdrew consent, if they did. */
        Optional<String> pseudonymOf(String memberId);
    }

    /** A text as the rules need it: whose it is, whether it is private, whether there is any. */
    private record Text(String memberId, boolean isPrivate, boolean present) {}

    private final Map<String, Text> reflections = new HashMap<>();
    private final Map<String, Text> interviews = new HashMap<>();

    public boolean hasReflection(String reflectionId) {
        return reflections.containsKey(reflectionId);
    }

    public void check(JournalEvent event, Facts project) {
        if (event instanceof ReflectionWritten written) {
            if (hasReflection(written.reflectionId())) {
                throw conflict("reflectionId", "reflection " + written.reflectionId() + " is already recorded");
            }
            project.team().requireMemberAt("authorId", written.authorId(), written.occurredAt());
            if (written.decisionId() != null) {
                project.requireDecision("decisionId", written.decisionId());
            }
            if (written.meetingId() != null && !project.hasMeeting(written.meetingId())) {
                throw notFound("meetingId", "meeting " + written.meetingId() + " is not recorded");
            }
        } else if (event instanceof ReflectionCoded coded) {
            if (!hasReflection(coded.reflectionId())) {
                throw notFound("reflectionId", "reflection " + coded.reflectionId() + " is not recorded");
            }
            project.team().requireMemberAt("codedBy", coded.codedBy(), coded.occurredAt());
            project.requireUsable("codes", coded.codes(), coded.occurredAt());
        } else if (event instanceof InterviewRecorded interview) {
            if (interviews.containsKey(interview.interviewId())) {
                throw conflict("interviewId", "interview " + interview.interviewId() + " is already recorded");
            }
            project.team().requireMemberAt("intervieweeId", interview.intervieweeId(), interview.occurredAt());
            project.team().requireMemberAt("interviewerId", interview.interviewerId(), interview.occurredAt());
            if (interview.codes() != null) {
                project.requireUsable("codes", interview.codes(), interview.occurredAt());
            }
        } else if (event instanceof PassageCoded passage) {
            checkPassage(passage, project);
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

    /**
     * A passage is of a recorded text: an interview's summary only when it has one, a private
     * reflection's text only by its author (nobody else may read it), a withdrawn member's never (it
     * no longer opens). Whether {@code end} is within the text is not known here: texts are sealed.
     */
    private void checkPassage(PassageCoded passage, Facts project) {
        boolean reflection = passage.source() == PassageSource.REFLECTION;
        String kind = reflection ? "reflection " : "interview ";
        Text text = (reflection ? reflections : interviews).get(passage.sourceId());
        if (text == null) {
            throw notFound("sourceId", kind + passage.sourceId() + " is not recorded");
        }
        if (!text.present()) {
            throw conflict("sourceId", kind + passage.sourceId() + " has no summary to code a passage of");
        }
        project.pseudonymOf(text.memberId()).ifPresent(pseudonym -> {
            throw conflict(
                    "sourceId",
                    "the text of " + kind + passage.sourceId() + " was withdrawn with " + pseudonym
                            + "'s consent: its passages cannot be coded");
        });
        if (passage.start() < 0) {
            throw conflict("start", "must be at least 0");
        }
        if (passage.end() <= passage.start()) {
            throw conflict("end", "must be greater than start (" + passage.start() + ")");
        }
        project.team().requireMemberAt("codedBy", passage.codedBy(), passage.occurredAt());
        if (text.isPrivate() && !text.memberId().equals(passage.codedBy())) {
            throw conflict("codedBy", kind + passage.sourceId() + " is private: only its author may code its passages");
        }
        project.requireUsable("codes", passage.codes(), passage.occurredAt());
    }

    public void evolve(JournalEvent event) {
        if (event instanceof ReflectionWritten written) {
            reflections.put(
                    written.reflectionId(),
                    new Text(written.authorId(), written.visibility() == Visibility.PRIVATE, true));
        } else if (event instanceof InterviewRecorded interview) {
            interviews.put(
                    interview.interviewId(), new Text(interview.intervieweeId(), false, interview.summary() != null));
        }
    }
}
