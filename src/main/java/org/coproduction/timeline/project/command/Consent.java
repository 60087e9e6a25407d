package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.ProjectEvent;

/**
 * Who has withdrawn consent, in the order they did, each with a stable pseudonym ("Withdrawn member
 * 2": the second to withdraw in this project). Once a withdrawal is in the record, nothing more is
 * recorded about that person: no contribution, influence, reflection, coding or interview naming
 * them, whenever it occurred, and no second withdrawal. A refusal names them by pseudonym only.
 */
final class Consent {

    private final Map<String, Integer> withdrawn = new LinkedHashMap<>();

    /** The pseudonym of a member who withdrew consent. */
    Optional<String> pseudonymOf(String memberId) {
        Integer order = withdrawn.get(memberId);
        return order == null ? Optional.empty() : Optional.of("Withdrawn member " + order);
    }

    void check(ProjectEvent event) {
        if (event instanceof ConsentWithdrawn w) {
            refuseIfWithdrawn("memberId", w.memberId(), "has already withdrawn consent");
        } else if (event instanceof ContributionRecorded c) {
            refuseIfWithdrawn("memberId", c.memberId(), "withdrew consent: no turn may be recorded for them");
        } else if (event instanceof TurnTranscribed t) {
            refuseIfWithdrawn("memberId", t.memberId(), "withdrew consent: no turn may be recorded for them");
        } else if (event instanceof InfluenceRecorded i) {
            refuseIfWithdrawn("memberId", i.memberId(), "withdrew consent: no influence may be recorded for them");
        } else if (event instanceof ReflectionWritten r) {
            refuseIfWithdrawn("authorId", r.authorId(), "withdrew consent: no reflection may be recorded for them");
        } else if (event instanceof ReflectionCoded r) {
            refuseIfWithdrawn("codedBy", r.codedBy(), "withdrew consent: no coding may be recorded for them");
        } else if (event instanceof PassageCoded p) {
            refuseIfWithdrawn("codedBy", p.codedBy(), "withdrew consent: no coding may be recorded for them");
        } else if (event instanceof Gripp2ItemWritten g) {
            for (int i = 0; i < g.authors().size(); i++) {
                refuseIfWithdrawn(
                        "authors[" + i + "]",
                        g.authors().get(i),
                        "withdrew consent: they may not be named as an author");
            }
        } else if (event instanceof CodebookEvent c) {
            refuseIfWithdrawn("changedBy", c.changedBy(), "withdrew consent: no change to the codebook may name them");
        } else if (event instanceof InterviewRecorded i) {
            refuseIfWithdrawn("intervieweeId", i.intervieweeId(), "withdrew consent: no interview may be recorded");
            refuseIfWithdrawn("interviewerId", i.interviewerId(), "withdrew consent: no interview may be recorded");
        }
    }

    void evolve(ProjectEvent event) {
        if (event instanceof ConsentWithdrawn w) {
            withdrawn.putIfAbsent(w.memberId(), withdrawn.size() + 1);
        }
    }

    private void refuseIfWithdrawn(String field, String memberId, String why) {
        Optional<String> pseudonym = memberId == null ? Optional.empty() : pseudonymOf(memberId);
        if (pseudonym.isPresent()) {
            throw conflict(field, pseudonym.get() + " " + why);
        }
    }
}
