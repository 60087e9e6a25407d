package org.coproduction.timeline.participation.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.TeamHistory;

/** Participation's facts from a project's history folded from the event store: any point in time. */
public final class HistoryFacts implements ParticipationFacts {

    private final ProjectHistory history;
    private final PointInTime at;

    /** The facts as of {@code at}'s asOf from a history read at {@code at}'s knownAt. */
    public HistoryFacts(ProjectHistory history, PointInTime at) {
        if (!history.knownAt().equals(at.knownAt())) {
            throw new IllegalArgumentException(
                    "a history read at " + history.knownAt() + " cannot answer as known at " + at.knownAt());
        }
        this.history = history;
        this.at = at;
    }

    @Override
    public PointInTime at() {
        return at;
    }

    @Override
    public TeamHistory team() {
        return history.team(at.asOf());
    }

    @Override
    public TeamHistory everyone() {
        return history.team(Instant.MAX);
    }

    @Override
    public PhaseCalendar phases() {
        return history.phases(at.asOf());
    }

    @Override
    public void countInto(Count count) {
        Map<String, Instant> meetingTimes = new HashMap<>();
        for (ProjectHistory.Meeting meeting : history.meetings(at.asOf())) {
            meetingTimes.put(meeting.meetingId(), meeting.occurredAt());
            count.meeting(meeting.occurredAt(), meeting.attendees());
        }
        for (ProjectHistory.Contribution c : history.contributions(at.asOf())) {
            count.spoke(
                    c.memberId(),
                    c.category(),
                    c.occurredAt(),
                    meetingTimes.getOrDefault(c.meetingId(), c.occurredAt()),
                    1);
        }
        history.decisions(at.asOf()).forEach(count::decision);
    }
}
