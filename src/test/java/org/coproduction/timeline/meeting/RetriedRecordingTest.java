package org.coproduction.timeline.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A retried request is recorded once also when the project is folded again from the event store
 * (a restart, or the cache let it go): what the rules compare went through serialisation and back.
 */
@SpringBootTest
class RetriedRecordingTest {

    private static final String PROJECT = "retried-recording";
    private static final Instant JAN = Instant.parse("2024-01-10T09:00:00Z");
    private static final Instant MEETING_AT = Instant.parse("2024-02-01T10:00:00.123456789Z");

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("projectCache")
    Cache projectCache;

    @Test
    void givenTheProjectFoldedFromTheStore_whenTheSameRequestsAreRepeated_thenNothingNewIsStored() {
        HoldMeeting meeting =
                new HoldMeeting(PROJECT, MEETING_AT, "m-1", "Team meeting", MeetingKind.TEAM, List.of("ann", "ben"));
        RecordContribution turn = new RecordContribution(
                PROJECT, MEETING_AT.plusSeconds(60), "m-1", "c-1", "ben", IpaCategory.GIVES_OPINION, null, null);
        RetractContribution undo = new RetractContribution(PROJECT, MEETING_AT.plusSeconds(90), "c-1", "undone");
        commands.sendAndWait(new RegisterProject(PROJECT, JAN, "Retried", null, null));
        commands.sendAndWait(new JoinMember(PROJECT, JAN, "ann", "Ann", "RESEARCHER", List.of("ACADEMIC")));
        commands.sendAndWait(new JoinMember(PROJECT, JAN, "ben", "Ben", "PEER_WORKER", List.of("PEER_WORKER")));
        commands.sendAndWait(meeting);
        commands.sendAndWait(turn);
        commands.sendAndWait(undo);
        long stored = events();

        projectCache.removeAll();
        commands.sendAndWait(meeting);
        commands.sendAndWait(turn);
        commands.sendAndWait(undo);

        assertThat(events()).isEqualTo(stored);
        assertThatThrownBy(() -> commands.sendAndWait(new RecordContribution(
                        PROJECT,
                        MEETING_AT.plusSeconds(60),
                        "m-1",
                        "c-1",
                        "ann",
                        IpaCategory.GIVES_OPINION,
                        null,
                        null)))
                .hasMessageContaining("c-1");
        assertThat(events()).isEqualTo(stored);
    }

    private long events() {
        return eventStore.readEvents(PROJECT).asStream().count();
    }
}
