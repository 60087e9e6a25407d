package org.coproduction.timeline.participation.query;

import java.time.Instant;
import java.util.Collection;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.TeamHistory;

/**
 * What participation counts, at one point in time, from either of its two sources: the
 * participation tables ({@link ParticipationTables}: the present record, read a row per meeting and
 * member) or a project's history folded from the event store ({@link HistoryFacts}: any knownAt).
 * {@link ParticipationFold} takes either the same way, so the answers are equal whichever source
 * gave the facts; {@code ParticipationReadModelPropertyTest} holds them equal.
 */
public interface ParticipationFacts {

    /** The point in time the facts stand at. */
    PointInTime at();

    /** The team as of asOf (as known at knownAt). */
    TeamHistory team();

    /** Every membership change known at knownAt, whenever it takes effect: for "never on the project". */
    TeamHistory everyone();

    /** The phases started by asOf. */
    PhaseCalendar phases();

    /** Hands every meeting held, contribution made and decision's facts visible as of asOf to {@code count}. */
    void countInto(Count count);

    /** What a source hands over, fact by fact. */
    interface Count {

        /** A meeting held at {@code at}, its attendees (each counted once). */
        void meeting(Instant at, Collection<String> attendees);

        /**
         * {@code n} contributions of one category by one member that occurred at {@code occurredAt}
         * (not retracted), counted in the window of {@code windowAt}: their meeting's time when the
         * meeting is visible, else their own.
         */
        void spoke(String memberId, IpaCategory category, Instant occurredAt, Instant windowAt, int n);

        /** A decision's facts: its counted influences, and its making if made by asOf. */
        void decision(DecisionFacts facts);
    }
}
