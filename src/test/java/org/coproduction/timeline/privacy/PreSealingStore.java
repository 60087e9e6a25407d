package org.coproduction.timeline.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store as it was written before personal text was sealed: a project whose names, diary texts and
 * note are in the clear, one of its members withdrawn, for the tests of {@code seal-store}. Every
 * personal text holds {@link #MARKER}.
 */
public final class PreSealingStore {

    public static final String MARKER = "Presealed-";
    public static final String PROJECT = "presealing-study";
    public static final String ANN = "Ann Presealed-Name-61c0";
    public static final String ANNS_TEXT = "Presealed-diary-words-0e9d";
    public static final String ANNS_NOTE = "Presealed-influence-note-7a31";
    public static final String CAT = "Cat Presealed-Withdrawn-c2e8";
    public static final String CATS_TEXT = "Presealed-withdrawn-words-4b5f";
    /**
     * What no database file may hold in the clear once the store is sealed: every name and text, the
     * present member's too (the read models rebuilt from the sealed store keep them sealed).
     */
    public static final List<String> NEVER_IN_THE_CLEAR = List.of(ANN, ANNS_TEXT, ANNS_NOTE, CAT, CATS_TEXT);

    /** The project's member names the timeline's read model holds, opened as the team sees them. */
    public static List<String> timelineNames(ApplicationContext app) {
        Sealing sealing = app.getBean(Sealing.class);
        return app.getBean(JdbcTemplate.class)
                .query(
                        "SELECT member_id, name, event_id FROM timeline_member_name WHERE project_id = ?"
                                + " ORDER BY seq_no",
                        (rs, n) -> sealing.name(PROJECT, rs.getString(1), rs.getString(3), rs.getString(2)),
                        PROJECT);
    }

    static final Instant AT = Instant.parse("2022-03-01T10:00:00Z");

    private PreSealingStore() {}

    /** Appended to the storage engine itself, past the sealing a command's event gets today. */
    public static void append(ApplicationContext app) {
        List<ProjectEvent> events = List.of(
                new ProjectRegistered(PROJECT, AT, "A study", null, null),
                new MemberJoined(PROJECT, AT, "m-ann", ANN, "RESEARCHER", List.of("CARER")),
                new MemberJoined(PROJECT, AT, "m-cat", CAT, "RESEARCHER", List.of("SERVICE_USER")),
                new ReflectionWritten(PROJECT, AT, "r-ann", "m-ann", ANNS_TEXT, Visibility.TEAM, null, null),
                new ReflectionWritten(PROJECT, AT, "r-cat", "m-cat", CATS_TEXT, Visibility.TEAM, null, null),
                new DecisionProposed(PROJECT, AT, "d-1", "Meet monthly", "m-ann"),
                new InfluenceRecorded(PROJECT, AT, "d-1", "i-1", "m-ann", InfluenceKind.AMENDED, null, null, ANNS_NOTE),
                new ConsentWithdrawn(PROJECT, AT.plusSeconds(3600), "m-cat"));
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>(
                    "Project",
                    PROJECT,
                    seq,
                    events.get(seq),
                    MetaData.with(RecordedTime.RECORDED_AT, AT.plusSeconds(seq).toString())));
        }
        app.getBean(TransactionManager.class).executeInTransaction(() -> app.getBean(EventStorageEngine.class)
                .appendEvents(messages));
    }

    /** Every stored event's position, id, project, sequence number and recorded time, in order. */
    public static List<String> events(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT global_index || ' ' || event_identifier || ' ' || aggregate_identifier || ' '"
                        + " || sequence_number || ' ' || time_stamp || ' ' || payload_type"
                        + " FROM domain_event_entry ORDER BY global_index",
                String.class);
    }
}
