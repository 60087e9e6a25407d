package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;

/** What happens to a project and its team: registration, phases, members, closure. */
public sealed interface LifecycleEvent extends ProjectEvent {

    record ProjectRegistered(String projectId, Instant occurredAt, String title, String description, String fundedBy)
            implements LifecycleEvent {}

    /** Starting a phase ends the previous one at this {@code occurredAt}. */
    record PhaseStarted(String projectId, Instant occurredAt, String phaseId, String name) implements LifecycleEvent {}

    record ProjectClosed(String projectId, Instant occurredAt) implements LifecycleEvent {}

    record MemberJoined(
            String projectId, Instant occurredAt, String memberId, String name, String role, List<String> perspectives)
            implements LifecycleEvent {
        public MemberJoined {
            perspectives = List.copyOf(perspectives);
        }
    }

    /** Takes effect from its {@code occurredAt}: earlier facts keep the role and perspectives of their time. */
    record MemberRoleChanged(
            String projectId, Instant occurredAt, String memberId, String role, List<String> perspectives)
            implements LifecycleEvent {
        public MemberRoleChanged {
            perspectives = List.copyOf(perspectives);
        }
    }

    record MemberLeft(String projectId, Instant occurredAt, String memberId) implements LifecycleEvent {}
}
