package org.coproduction.timeline.fold.api;

import java.time.Instant;
import java.util.List;

/**
 * A project at an (asOf, knownAt): its phases, everyone who was ever on the team (with role and
 * perspectives at asOf), its meetings and its decisions. What a person needs to choose from when
 * recording or exploring: the attendees of a meeting, the decision under discussion, a member to
 * filter by.
 */
public record ProjectOverview(
        String projectId,
        String title,
        String description,
        Instant asOf,
        Instant knownAt,
        Instant registeredAt,
        Instant closedAt,
        List<Phase> phases,
        List<Member> members,
        List<Meeting> meetings,
        List<Decision> decisions) {

    /** end is null for the phase still running at asOf. */
    public record Phase(String phaseId, String name, Instant start, Instant end) {}

    /**
     * leftAt is null for a member still on the team at asOf; withdrawn says that their withdrawal of
     * consent was recorded by knownAt (their name is then their pseudonym).
     */
    public record Member(
            String memberId,
            String name,
            String role,
            List<String> perspectives,
            String primaryPerspective,
            boolean active,
            Instant joinedAt,
            Instant leftAt,
            boolean withdrawn) {}

    public record Meeting(
            String meetingId, String title, String kind, Instant occurredAt, String phaseId, List<String> attendees) {}

    /** status is PROPOSED, MADE or REVISED. */
    public record Decision(
            String decisionId, String title, String status, String proposedBy, Instant proposedAt, Instant madeAt) {}
}
