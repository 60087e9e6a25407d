package org.coproduction.timeline.project.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.left;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.notFound;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.WriteGripp2Item;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The team's answers to the report's GRIPP2 items: written by members, corrected by writing again. */
class ProjectGripp2Test {

    private static final String TEXT = "Evening meetings let carers come; the glossary came too late.";

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    private static WriteGripp2Item write(List<String> authors) {
        return new WriteGripp2Item(PROJECT, MAR, Gripp2Topic.REFLECTIONS, TEXT, authors);
    }

    @Test
    void membersWriteAnAnswerAndWriteItAgainToCorrectIt() {
        Gripp2ItemWritten first = new Gripp2ItemWritten(PROJECT, FEB, Gripp2Topic.REFLECTIONS, "Draft", List.of(ANN));
        fixture.given(registered(), joined(ANN, START), joined(BEN, START), first)
                .when(write(List.of(ANN, BEN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new Gripp2ItemWritten(PROJECT, MAR, Gripp2Topic.REFLECTIONS, TEXT, List.of(ANN, BEN)));
    }

    /** A team writes its report after its study: unlike any other event, an answer may be dated after the closure. */
    @Test
    void anAnswerMayBeWrittenAfterTheProjectClosed_aMeetingMayNot() {
        Instant later = Instant.parse("2026-12-07T10:00:00Z");
        fixture.given(registered(), joined(ANN, START), new ProjectClosed(PROJECT, MAR))
                .when(new WriteGripp2Item(PROJECT, later, Gripp2Topic.CONCLUSIONS, TEXT, List.of(ANN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new Gripp2ItemWritten(PROJECT, later, Gripp2Topic.CONCLUSIONS, TEXT, List.of(ANN)));
        fixture.given(registered(), joined(ANN, START), new ProjectClosed(PROJECT, MAR))
                .when(new HoldMeeting(PROJECT, later, "m-late", "Reunion", MeetingKind.TEAM, List.of(ANN)))
                .expectException(conflict("occurredAt"));
    }

    @Test
    void everyAuthorMustBeOnTheTeamThen() {
        fixture.given(registered(), joined(ANN, START))
                .when(write(List.of(ANN, CAL)))
                .expectException(notFound("authors[1]"));
        fixture.given(registered(), joined(ANN, START), joined(BEN, START), left(BEN, JAN))
                .when(write(List.of(BEN)))
                .expectException(conflict("authors[0]"));
    }

    @Test
    void aMemberWhoWithdrewConsentIsNoAuthor() {
        fixture.given(registered(), joined(ANN, START), joined(BEN, START), new ConsentWithdrawn(PROJECT, FEB, BEN))
                .when(write(List.of(ANN, BEN)))
                .expectException(conflict("authors[1]"));
    }

    @Test
    void theTopicTheTextAndAtLeastOneAuthorAreRequired() {
        assertThatThrownBy(() -> new WriteGripp2Item(PROJECT, MAR, null, " ", List.of()))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("item", "text", "authors"));
        assertThatThrownBy(() -> write(List.of(ANN, ANN)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("authors must not repeat");
    }
}
