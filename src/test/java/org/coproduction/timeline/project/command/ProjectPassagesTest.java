package org.coproduction.timeline.project.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.INTERVIEW;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.interviewed;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.reflectionWritten;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.CodePassage;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.coproduction.timeline.api.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coding a passage of a reflection's text or an interview's summary (PassageCoded). */
class ProjectPassagesTest {

    private static final List<String> CODES = List.of("being heard");

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /** Ann and Ben on the team since the start; Ben's team reflection and an interview of Ben with a summary. */
    private TestExecutor<Project> given(Object... moreEvents) {
        return fixture.given(
                        registered(),
                        joined(ANN, START),
                        joined(BEN, START),
                        reflectionWritten(REFLECTION, BEN, FEB),
                        new InterviewRecorded(PROJECT, FEB, INTERVIEW, BEN, ANN, "On being paid", null))
                .andGiven(moreEvents);
    }

    private static CodePassage passage(PassageSource source, String sourceId, int start, int end, String codedBy) {
        return new CodePassage(PROJECT, MAR, source, sourceId, start, end, CODES, codedBy);
    }

    @Test
    void canCodeAPassageOfAReflectionAndOfAnInterview() {
        given().when(passage(PassageSource.REFLECTION, REFLECTION, 2, 6, ANN))
                .expectEvents(new PassageCoded(PROJECT, MAR, PassageSource.REFLECTION, REFLECTION, 2, 6, CODES, ANN));
        given().when(passage(PassageSource.INTERVIEW, INTERVIEW, 0, 8, ANN))
                .expectEvents(new PassageCoded(PROJECT, MAR, PassageSource.INTERVIEW, INTERVIEW, 0, 8, CODES, ANN));
    }

    /** The analysis goes on after the study: a closed project's texts are still coded, whole or in part. */
    @Test
    void aClosedProjectsTextsAreStillCoded() {
        java.time.Instant later = java.time.Instant.parse("2026-12-07T10:00:00Z");
        given(new org.coproduction.timeline.api.LifecycleEvent.ProjectClosed(PROJECT, JUN))
                .when(new CodePassage(PROJECT, later, PassageSource.REFLECTION, REFLECTION, 2, 6, CODES, ANN))
                .expectEvents(new PassageCoded(PROJECT, later, PassageSource.REFLECTION, REFLECTION, 2, 6, CODES, ANN));
        given(new org.coproduction.timeline.api.LifecycleEvent.ProjectClosed(PROJECT, JUN))
                .when(new org.coproduction.timeline.api.JournalCommand.CodeReflection(
                        PROJECT, later, REFLECTION, CODES, ANN))
                .expectEvents(new org.coproduction.timeline.api.JournalEvent.ReflectionCoded(
                        PROJECT, later, REFLECTION, CODES, ANN));
    }

    @Test
    void aPassageCodedWithNoCodeClearsItsCoding() {
        given(new PassageCoded(PROJECT, MAR, PassageSource.REFLECTION, REFLECTION, 2, 6, CODES, ANN))
                .when(new CodePassage(PROJECT, APR, PassageSource.REFLECTION, REFLECTION, 2, 6, List.of(), BEN))
                .expectEvents(
                        new PassageCoded(PROJECT, APR, PassageSource.REFLECTION, REFLECTION, 2, 6, List.of(), BEN));
    }

    @Test
    void cannotCodeAPassageOfATextThatIsNotRecorded() {
        given().when(passage(PassageSource.REFLECTION, "reflection-9", 0, 1, ANN))
                .expectException(violation(Kind.NOT_FOUND, "sourceId", "reflection reflection-9 is not recorded"))
                .expectNoEvents();
        // An interview's id is not a reflection's.
        given().when(passage(PassageSource.REFLECTION, INTERVIEW, 0, 1, ANN))
                .expectException(violation(Kind.NOT_FOUND, "sourceId", "reflection " + INTERVIEW))
                .expectNoEvents();
    }

    @Test
    void cannotCodeAPassageOfAnInterviewWithoutSummary() {
        given(interviewed("interview-2", ANN, BEN, FEB))
                .when(passage(PassageSource.INTERVIEW, "interview-2", 0, 1, ANN))
                .expectException(violation(Kind.CONFLICT, "sourceId", "interview interview-2 has no summary"))
                .expectNoEvents();
    }

    @Test
    void theCoderIsOnTheTeamAtTheTime() {
        given().when(passage(PassageSource.REFLECTION, REFLECTION, 0, 1, CAL))
                .expectException(violation(Kind.NOT_FOUND, "codedBy", CAL))
                .expectNoEvents();
        given(joined(CAL, APR))
                .when(passage(PassageSource.REFLECTION, REFLECTION, 0, 1, CAL))
                .expectException(violation(Kind.CONFLICT, "codedBy", CAL))
                .expectNoEvents();
    }

    @Test
    void aPrivateReflectionsPassagesAreCodedByItsAuthorAlone() {
        ReflectionWritten diary =
                new ReflectionWritten(PROJECT, FEB, "r-private", BEN, "Only mine.", Visibility.PRIVATE, null, null);
        given(diary)
                .when(passage(PassageSource.REFLECTION, "r-private", 0, 4, ANN))
                .expectException(violation(Kind.CONFLICT, "codedBy", "only its author may code its passages"))
                .expectNoEvents();
        given(diary)
                .when(passage(PassageSource.REFLECTION, "r-private", 0, 4, BEN))
                .expectEvents(new PassageCoded(PROJECT, MAR, PassageSource.REFLECTION, "r-private", 0, 4, CODES, BEN));
    }

    @Test
    void aWithdrawnCoderCodesNothingAndAWithdrawnMembersTextIsNotCoded() {
        given(new ConsentWithdrawn(PROJECT, FEB, ANN))
                .when(passage(PassageSource.REFLECTION, REFLECTION, 0, 1, ANN))
                .expectException(violation(Kind.CONFLICT, "codedBy", "Withdrawn member 1 withdrew consent"))
                .expectNoEvents();
        given(new ConsentWithdrawn(PROJECT, JUN, BEN))
                .when(passage(PassageSource.INTERVIEW, INTERVIEW, 0, 1, ANN))
                .expectException(violation(Kind.CONFLICT, "sourceId", "withdrawn with Withdrawn member 1's consent"))
                .expectNoEvents();
    }

    @Test
    void aRetiredCodeIsNotGivenAfterItsRetirement() {
        given(
                        new CodeDefined(PROJECT, FEB, "being heard", null, null, null, ANN),
                        new CodeRetired(PROJECT, FEB, "being heard", "Too broad.", ANN))
                .when(passage(PassageSource.REFLECTION, REFLECTION, 0, 1, ANN))
                .expectException(violation(Kind.CONFLICT, "codes[0]", "retired"))
                .expectNoEvents();
    }

    @Test
    void anImportedLineIsHeldToTheRangeAsACommandIs() {
        ProjectState state = new ProjectState();
        List.of(registered(), joined(ANN, START), reflectionWritten(REFLECTION, ANN, FEB))
                .forEach(state::evolve);
        assertThatThrownBy(() -> state.check(
                        new PassageCoded(PROJECT, MAR, PassageSource.REFLECTION, REFLECTION, 4, 4, CODES, ANN)))
                .hasMessageContaining("must be greater than start (4)");
    }

    @Test
    void theCommandNamesAMissingOrWrongRangeField() {
        assertThatThrownBy(() -> new CodePassage(PROJECT, MAR, PassageSource.REFLECTION, REFLECTION, -1, 3, CODES, ANN))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.all())
                        .singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("start")));
        assertThatThrownBy(() -> new CodePassage(PROJECT, MAR, PassageSource.REFLECTION, REFLECTION, 3, 3, CODES, ANN))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.all())
                        .singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("end")));
        assertThatThrownBy(() -> new CodePassage(PROJECT, MAR, null, REFLECTION, null, null, null, ANN))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.all())
                        .extracting(InvalidFieldException::field)
                        .containsExactly("source", "start", "end", "codes"));
    }
}
