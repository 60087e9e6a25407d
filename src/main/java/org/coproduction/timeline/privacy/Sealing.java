package org.coproduction.timeline.privacy;

import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.reflection.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.reflection.api.JournalEvent.ReflectionWritten;
import org.springframework.stereotype.Component;

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

    Sealing(PersonalText text) {
        this.text = text;
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
