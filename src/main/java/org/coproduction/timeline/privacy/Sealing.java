package org.coproduction.timeline.privacy;

import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.reflection.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.reflection.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.reflection.api.JournalEvent.ReflectionWritten;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which fields of which events hold personal text, and their sealing before an event is stored:
 * today a reflection's text, under its author's key, and an interview's summary, under the
 * interviewee's. Events are sealed on their way into the store,
 * by the commands' dispatch ({@link SealingDispatchInterceptor}) and by the import, with the event's
 * own id as associated data; what is already sealed (a re-imported export) is kept as it is.
 */
@Component
public class Sealing {

    private final PersonalText text;
    private final MemberKeys keys;

    Sealing(PersonalText text, MemberKeys keys) {
        this.text = text;
        this.keys = keys;
    }

    /**
     * A withdrawal of consent being stored destroys the member's key once its transaction commits
     * (not before: a withdrawal that is rolled back destroys nothing), so their sealed text opens
     * nowhere again. Called for every event as it is stored, by the commands' dispatch and by the
     * import.
     */
    public void stored(ProjectEvent event) {
        if (!(event instanceof ConsentWithdrawn withdrawn)) {
            return;
        }
        Runnable destroy = () -> keys.destroy(withdrawn.projectId(), withdrawn.memberId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    destroy.run();
                }
            });
        } else {
            destroy.run();
        }
    }

    /** The event with its personal text sealed; the event itself when it holds none in the clear. */
    public ProjectEvent seal(ProjectEvent event, String eventId) {
        if (event instanceof ReflectionWritten r && r.text() != null && !PersonalText.isSealed(r.text())) {
            return new ReflectionWritten(
                    r.projectId(),
                    r.occurredAt(),
                    r.reflectionId(),
                    r.authorId(),
                    text.seal(r.projectId(), r.authorId(), eventId, r.text()),
                    r.visibility(),
                    r.decisionId(),
                    r.meetingId());
        }
        if (event instanceof InterviewRecorded i && i.summary() != null && !PersonalText.isSealed(i.summary())) {
            return new InterviewRecorded(
                    i.projectId(),
                    i.occurredAt(),
                    i.interviewId(),
                    i.intervieweeId(),
                    i.interviewerId(),
                    text.seal(i.projectId(), i.intervieweeId(), eventId, i.summary()),
                    i.codes());
        }
        return event;
    }

    /** Whether the event holds sealed personal text (its interchange line is then version 2). */
    public static boolean isSealed(ProjectEvent event) {
        return (event instanceof ReflectionWritten r && PersonalText.isSealed(r.text()))
                || (event instanceof InterviewRecorded i && PersonalText.isSealed(i.summary()));
    }
}
