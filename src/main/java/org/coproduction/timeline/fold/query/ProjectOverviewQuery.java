package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.api.ProjectOverview;
import org.springframework.stereotype.Component;

/** The project overview, from one fold of the project's events as known at knownAt. */
@Component
public class ProjectOverviewQuery {

    private final ProjectHistoryReader reader;

    ProjectOverviewQuery(ProjectHistoryReader reader) {
        this.reader = reader;
    }

    /** 404 for a project never registered. */
    public ProjectOverview overview(String projectId, PointInTime at) {
        return overview(reader.read(projectId, at.knownAt()), projectId, at.asOf());
    }

    static ProjectOverview overview(ProjectHistory history, String projectId, Instant asOf) {
        PhaseCalendar calendar = history.phases(asOf);
        List<ProjectOverview.Phase> phases = calendar.spans().stream()
                .map(s -> new ProjectOverview.Phase(s.phaseId(), s.name(), s.start(), s.end()))
                .toList();
        TeamHistory team = history.team(asOf);
        Map<String, Instant> joined = new LinkedHashMap<>();
        Map<String, Instant> left = new LinkedHashMap<>();
        for (MemberChange change :
                team.changesBetween(null, null).stream().sorted().toList()) {
            if (change.occurredAt().isAfter(asOf)) {
                continue;
            }
            switch (change.kind()) {
                case JOINED -> {
                    joined.putIfAbsent(change.memberId(), change.occurredAt());
                    left.remove(change.memberId());
                }
                case LEFT -> left.put(change.memberId(), change.occurredAt());
                case CHANGED -> {}
            }
        }
        List<ProjectOverview.Member> members = joined.keySet().stream()
                .sorted()
                .flatMap(id -> team.at(id, asOf).stream())
                .map(m -> new ProjectOverview.Member(
                        m.memberId(),
                        m.name(),
                        m.role(),
                        m.perspectives(),
                        m.primaryPerspective(),
                        m.active(),
                        joined.get(m.memberId()),
                        m.active() ? null : left.get(m.memberId()),
                        history.withdrew(m.memberId())))
                .toList();
        List<ProjectOverview.Meeting> meetings = history.meetings(asOf).stream()
                .sorted(Comparator.comparing(ProjectHistory.Meeting::occurredAt)
                        .thenComparingLong(ProjectHistory.Meeting::order))
                .map(m -> new ProjectOverview.Meeting(
                        m.meetingId(),
                        m.title(),
                        m.kind().name(),
                        m.occurredAt(),
                        calendar.at(m.occurredAt()).phaseId(),
                        m.attendees()))
                .toList();
        List<ProjectOverview.Decision> decisions = history.decisions(asOf).stream()
                .filter(d -> d.proposal() != null)
                .sorted(Comparator.comparing((DecisionFacts d) -> d.proposal().occurredAt())
                        .thenComparingLong(d -> d.proposal().order()))
                .map(d -> new ProjectOverview.Decision(
                        d.decisionId(),
                        d.proposal().title(),
                        d.made() == null ? "PROPOSED" : d.revisions().isEmpty() ? "MADE" : "REVISED",
                        d.proposal().proposedBy(),
                        d.proposal().occurredAt(),
                        d.made() == null ? null : d.made().occurredAt()))
                .toList();
        return new ProjectOverview(
                projectId,
                history.title(),
                history.description(),
                asOf,
                history.knownAt(),
                history.registeredAt(),
                history.closedAt() != null && !history.closedAt().isAfter(asOf) ? history.closedAt() : null,
                phases,
                members,
                meetings,
                decisions);
    }
}
