package org.coproduction.timeline.project.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PERSPECTIVES;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.ROLE;
import static org.coproduction.timeline.testing.ProjectSamples.START;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.api.Visibility;
import org.junit.jupiter.api.Test;

/** Input that can never be right is refused where the command is built, naming the field at fault. */
class CommandValidationTest {

    private static final String ID_OF_64 = "d".repeat(64);
    private static final String ID_OF_65 = "d".repeat(65);
    private static final String LONGEST_TEXT = "x".repeat(Require.MAX_TEXT);
    private static final String TOO_LONG_TEXT = "x".repeat(Require.MAX_TEXT + 1);

    private static void assertInvalid(ThrowingCallable construction, String field, String reason) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).isEqualTo(reason);
                })
                .hasMessage(field + " " + reason);
    }

    @Test
    void cannotRegisterAProjectWithABlankTitle() {
        assertInvalid(() -> new RegisterProject(PROJECT, START, "  \t", null, null), "title", "must not be blank");
    }

    @Test
    void cannotUseAnIdWithASpace() {
        assertInvalid(
                () -> new JoinMember(PROJECT, START, "ann smith", "Ann", ROLE, PERSPECTIVES),
                "memberId",
                "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
    }

    @Test
    void cannotUseAnIdOf65Characters() {
        assertInvalid(
                () -> new ProposeDecision(PROJECT, FEB, ID_OF_65, "Pay peer researchers", ANN),
                "decisionId",
                "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
    }

    @Test
    void canUseAnIdOf64Characters() {
        assertThat(new ProposeDecision(PROJECT, FEB, ID_OF_64, "Pay peer researchers", ANN).decisionId())
                .hasSize(64);
    }

    @Test
    void cannotJoinWithoutPerspectives() {
        assertInvalid(
                () -> new JoinMember(PROJECT, START, ANN, "Ann", ROLE, List.of()), "perspectives", "must not be empty");
    }

    @Test
    void cannotJoinWithALowerCaseRole() {
        assertInvalid(
                () -> new JoinMember(PROJECT, START, ANN, "Ann", "researcher", PERSPECTIVES),
                "role",
                "must be an upper-case word such as SERVICE_USER");
    }

    @Test
    void cannotChangeToALowerCasePerspective() {
        assertInvalid(
                () -> new ChangeMemberRole(PROJECT, FEB, ANN, ROLE, List.of("ACADEMIC", "carer")),
                "perspectives[1]",
                "must be an upper-case word such as SERVICE_USER");
    }

    @Test
    void cannotOmitOccurredAt() {
        assertInvalid(() -> new StartPhase(PROJECT, null, "p1", "Scoping"), "occurredAt", "is required");
    }

    @Test
    void cannotWriteMoreThan20000Characters() {
        assertInvalid(
                () -> new WriteReflection(PROJECT, FEB, REFLECTION, ANN, TOO_LONG_TEXT, Visibility.TEAM, null, null),
                "text",
                "must be at most 20000 characters");
    }

    @Test
    void canWriteExactly20000Characters() {
        assertThat(new WriteReflection(PROJECT, FEB, REFLECTION, ANN, LONGEST_TEXT, Visibility.TEAM, null, null).text())
                .hasSize(20_000);
    }

    @Test
    void cannotListAnAttendeeTwice() {
        assertInvalid(
                () -> new HoldMeeting(PROJECT, FEB, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, BEN, ANN)),
                "attendees",
                "must not repeat an identifier");
    }

    @Test
    void cannotListAnAttendeeWithAMalformedId() {
        assertInvalid(
                () -> new HoldMeeting(PROJECT, FEB, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, "b/n")),
                "attendees[1]",
                "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
    }

    @Test
    void cannotMakeADecisionWithNobodyDeciding() {
        assertInvalid(
                () -> new MakeDecision(PROJECT, FEB, DECISION, "Agreed", DecisionMethod.CONSENSUS, List.of()),
                "decidedBy",
                "must not be empty");
    }

    @Test
    void cannotMakeADecisionWithoutAMethod() {
        assertInvalid(
                () -> new MakeDecision(PROJECT, FEB, DECISION, "Agreed", null, List.of(ANN)), "method", "is required");
    }
}
