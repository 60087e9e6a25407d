package org.coproduction.timeline.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored and published name and revision of every event type. The names are the public
 * contract of the interchange format and of the event store: they never follow a class name, so a
 * refactoring cannot change what is stored.
 */
public final class EventCatalogue {

    /** One event type: its stable name, the class that carries it and its current revision. */
    public record EventType(String name, Class<? extends ProjectEvent> javaType, int revision) {}

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        register("ProjectRegistered", LifecycleEvent.ProjectRegistered.class);
        register("PhaseStarted", LifecycleEvent.PhaseStarted.class);
        register("ProjectClosed", LifecycleEvent.ProjectClosed.class);
        register("MemberJoined", LifecycleEvent.MemberJoined.class);
        register("MemberRoleChanged", LifecycleEvent.MemberRoleChanged.class);
        register("MemberLeft", LifecycleEvent.MemberLeft.class);
        register("MeetingHeld", MeetingEvent.MeetingHeld.class);
        register("ContributionRecorded", MeetingEvent.ContributionRecorded.class);
        register("ContributionRetracted", MeetingEvent.ContributionRetracted.class);
        register("TurnTranscribed", MeetingEvent.TurnTranscribed.class);
        register("DecisionProposed", DecisionEvent.DecisionProposed.class);
        register("InfluenceRecorded", DecisionEvent.InfluenceRecorded.class);
        register("InfluenceRetracted", DecisionEvent.InfluenceRetracted.class);
        register("DecisionMade", DecisionEvent.DecisionMade.class);
        register("DecisionRevised", DecisionEvent.DecisionRevised.class);
        register("ReflectionWritten", JournalEvent.ReflectionWritten.class);
        register("ReflectionCoded", JournalEvent.ReflectionCoded.class);
        register("InterviewRecorded", JournalEvent.InterviewRecorded.class);
        register("ConsentWithdrawn", JournalEvent.ConsentWithdrawn.class, 2);
        register("Gripp2ItemWritten", JournalEvent.Gripp2ItemWritten.class);
        register("CodeDefined", CodebookEvent.CodeDefined.class);
        register("CodeRevised", CodebookEvent.CodeRevised.class);
        register("CodesMerged", CodebookEvent.CodesMerged.class);
        register("CodeRetired", CodebookEvent.CodeRetired.class);
        register("PassageCoded", JournalEvent.PassageCoded.class);
    }

    private EventCatalogue() {}

    private static void register(String name, Class<? extends ProjectEvent> type) {
        register(name, type, 1);
    }

    /**
     * A type whose fields changed: stored events of an earlier revision are read by the record's
     * constructor, which gives an absent field its documented default (docs/events.md).
     */
    private static void register(String name, Class<? extends ProjectEvent> type, int revision) {
        EventType eventType = new EventType(name, type, revision);
        BY_NAME.put(name, eventType);
        BY_CLASS.put(type, eventType);
    }

    public static Collection<EventType> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> byClass(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    public static String nameOf(ProjectEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "not a catalogued event: " + event.getClass().getName());
        }
        return type.name();
    }
}
