package org.coproduction.timeline.project.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.DEC;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.OTHER_PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.closed;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coproduction.timeline.project.api.ImportEvents;
import org.coproduction.timeline.project.api.ImportEvents.Line;
import org.coproduction.timeline.project.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.project.api.RuleViolationException.Kind;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Importing a file's lines for one project: the same rules as commands, checked line by line in
 * file order, all or nothing, with the producer's {@code eventId} and {@code recordedAt} kept as
 * metadata.
 */
class ProjectImportTest {

    /** When the source system first recorded the lines: long after they happened. */
    private static final Instant RECORDED = Instant.parse("2023-09-01T12:00:00Z");

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /** A line as the importer hands it over: numbered from the file, with an id derived from the number. */
    private static Line line(long lineNumber, ProjectEvent event) {
        return new Line(lineNumber, event, eventId(lineNumber), RECORDED);
    }

    private static String eventId(long lineNumber) {
        return "00000000-0000-4000-8000-" + String.format("%012d", lineNumber);
    }

    private static ImportEvents importing(Line... lines) {
        return new ImportEvents(PROJECT, List.of(lines));
    }

    private static Map<String, Object> metadata(String eventId, Instant recordedAt) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ImportEvents.EVENT_ID, eventId);
        if (recordedAt != null) {
            metadata.put(ImportEvents.RECORDED_AT, recordedAt.toString());
        }
        return metadata;
    }

    private static EventMessage<?> stored(Line line) {
        return GenericEventMessage.asEventMessage(line.event())
                .withMetaData(metadata(line.eventId(), line.recordedAt()));
    }

    private static Matcher<EventMessage<?>> storedWith(Object payload, String eventId, Instant recordedAt) {
        return allOf(messageWithPayload(equalTo(payload)), withMetaData(metadata(eventId, recordedAt)));
    }

    private static Matcher<EventMessage<?>> withMetaData(Map<String, Object> expected) {
        return new FeatureMatcher<EventMessage<?>, Map<String, Object>>(equalTo(expected), "metadata", "metadata") {
            @Override
            protected Map<String, Object> featureValueOf(EventMessage<?> message) {
                return new HashMap<>(message.getMetaData());
            }
        };
    }

    @Nested
    class NewProject {

        @Test
        void givenNoProject_whenFirstLineRegistersIt_thenEveryLineIsStored() {
            Line registration = line(1, registered());
            Line joining = line(2, joined(ANN, START));
            Line meeting = line(3, meetingHeld(MEETING, FEB, ANN));

            fixture.givenNoPriorActivity()
                    .when(importing(registration, joining, meeting))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(3)
                    .expectEvents(stored(registration), stored(joining), stored(meeting));
        }

        @Test
        void importedEventsCarryTheirEventIdAndRecordedAtAsMetadata() {
            fixture.givenNoPriorActivity()
                    .when(importing(
                            new Line(1, registered(), "e-registered", RECORDED),
                            new Line(2, joined(ANN, START), "e-joined", null)))
                    .expectEventsMatching(exactSequenceOf(
                            storedWith(registered(), "e-registered", RECORDED),
                            storedWith(joined(ANN, START), "e-joined", null),
                            andNoMore()));
        }

        @Test
        void givenNoProject_whenFirstLineDoesNotRegisterIt_thenRejected() {
            fixture.givenNoPriorActivity()
                    .when(importing(line(1, joined(ANN, START)), line(2, meetingHeld(MEETING, FEB, ANN))))
                    .expectException(violation(Kind.NOT_FOUND, "projectId"))
                    .expectExceptionMessage("line 1: project " + PROJECT + " is not registered")
                    .expectNoEvents();
        }
    }

    @Nested
    class ExistingProject {

        @Test
        void givenProject_whenImportMoreLines_thenAppended() {
            Line joining = line(7, joined(BEN, MAR));
            Line meeting = line(8, meetingHeld(MEETING, APR, ANN, BEN));

            fixture.given(registered(), joined(ANN, START))
                    .when(importing(joining, meeting))
                    .expectResultMessagePayload(2)
                    .expectEvents(stored(joining), stored(meeting));
        }

        @Test
        void givenProject_whenImportNothing_thenNothingIsStored() {
            fixture.given(registered())
                    .when(importing())
                    .expectResultMessagePayload(0)
                    .expectNoEvents();
        }

        @Test
        void givenProject_whenImportRegistersItAgain_thenRejected() {
            fixture.given(registered())
                    .when(importing(line(1, new ProjectRegistered(PROJECT, JAN, "Renamed", null, null))))
                    .expectException(violation(Kind.CONFLICT, "projectId", "line 1: "))
                    .expectNoEvents();
        }

        @Test
        void givenClosed_whenImportLineDatedAfterTheClose_thenRejected() {
            fixture.given(registered(), joined(ANN, START), closed(JUN))
                    .when(importing(
                            line(4, meetingHeld(MEETING, APR, ANN)), line(5, meetingHeld("meeting-2", DEC, ANN))))
                    .expectException(violation(Kind.CONFLICT, "occurredAt"))
                    .expectExceptionMessage(startsWith("line 5: project " + PROJECT + " was closed at"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AllOrNothing {

        @Test
        void aLineThatBreaksARuleRefusesTheWholeImport() {
            fixture.givenNoPriorActivity()
                    .when(importing(
                            line(10, registered()),
                            line(11, joined(ANN, START)),
                            line(12, meetingHeld(MEETING, FEB, ANN, CAL)),
                            line(13, joined(BEN, MAR))))
                    .expectException(violation(Kind.NOT_FOUND, "attendees[1]"))
                    .expectExceptionMessage("line 12: member " + CAL + " has not joined the project")
                    .expectNoEvents();
        }

        @Test
        void givenProject_whenALaterLineBreaksARule_thenNoLineIsStored() {
            fixture.given(registered(), joined(ANN, START))
                    .when(importing(line(3, joined(BEN, FEB)), line(4, joined(BEN, MAR))))
                    .expectException(violation(Kind.CONFLICT, "memberId", "line 4: "))
                    .expectNoEvents();
        }

        @Test
        void aLineOfAnotherProjectIsRefused() {
            fixture.given(registered())
                    .when(importing(
                            line(20, joined(ANN, START)),
                            line(21, new ProjectRegistered(OTHER_PROJECT, START, "Another study", null, null))))
                    .expectException(violation(Kind.CONFLICT, "data.projectId"))
                    .expectExceptionMessage("line 21 belongs to another project")
                    .expectNoEvents();
        }

        @Test
        void aLineRepeatingAnEarlierLineOfTheSameImportIsRefused() {
            fixture.given(registered(), joined(ANN, START))
                    .when(importing(line(30, meetingHeld(MEETING, FEB, ANN)), line(31, meetingHeld(MEETING, MAR, ANN))))
                    .expectException(violation(Kind.CONFLICT, "meetingId"))
                    .expectExceptionMessage(startsWith("line 31: "))
                    .expectNoEvents();
        }
    }
}
