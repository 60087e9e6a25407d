package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.notFound;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coproduction.timeline.api.CodebookCommand.DefineCode;
import org.coproduction.timeline.api.CodebookCommand.MergeCodes;
import org.coproduction.timeline.api.CodebookCommand.RetireCode;
import org.coproduction.timeline.api.CodebookCommand.ReviseCode;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The codebook's rules: codes defined, revised, merged and retired, and what that means for coding. */
class ProjectCodebookTest {

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    private static final ReflectionWritten WRITTEN =
            new ReflectionWritten(PROJECT, JAN, REFLECTION, ANN, "sealed", Visibility.TEAM, null, null);

    private static CodeDefined defined(String code, String parent) {
        return new CodeDefined(PROJECT, JAN, code, null, null, parent, ANN);
    }

    @Test
    void aMemberDefinesACodeUnderAnother_andACodeGivenInCodingsMayBeDefinedOnce() {
        fixture.given(registered(), joined(ANN, START), defined("power", null))
                .when(new DefineCode(PROJECT, FEB, "tokenism", "Tokenism", "Asked, then not heard.", "power", ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CodeDefined(PROJECT, FEB, "tokenism", "Tokenism", "Asked, then not heard.", "power", ANN));
        fixture.given(
                        registered(),
                        joined(ANN, START),
                        WRITTEN,
                        new ReflectionCoded(PROJECT, JAN, REFLECTION, List.of("trust"), ANN))
                .when(new DefineCode(PROJECT, FEB, "trust", "Trust", null, null, ANN))
                .expectSuccessfulHandlerExecution();
        fixture.given(registered(), joined(ANN, START), defined("power", null))
                .when(new DefineCode(PROJECT, FEB, "power", null, null, null, ANN))
                .expectException(conflict("code"));
    }

    @Test
    void theIpaCategoriesAreBuiltIn_andAParentMustBeAKnownCodeNotBeneathTheCode() {
        fixture.given(registered(), joined(ANN, START))
                .when(new DefineCode(PROJECT, FEB, "Gives_Opinion", null, null, null, ANN))
                .expectException(conflict("code"));
        fixture.given(registered(), joined(ANN, START))
                .when(new DefineCode(PROJECT, FEB, "tokenism", null, null, "power", ANN))
                .expectException(notFound("parent"));
        fixture.given(registered(), joined(ANN, START), defined("power", null), defined("tokenism", "power"))
                .when(new ReviseCode(PROJECT, FEB, "power", "Power", null, "tokenism", ANN))
                .expectException(conflict("parent"));
        fixture.given(registered(), joined(ANN, START), defined("power", null))
                .when(new ReviseCode(PROJECT, FEB, "power", "Power", null, "power", ANN))
                .expectException(conflict("parent"));
    }

    @Test
    void aRevisionRenamesDescribesAndMovesAKnownCode() {
        fixture.given(registered(), joined(ANN, START), defined("power", null), defined("voice", null))
                .when(new ReviseCode(PROJECT, FEB, "voice", "Being heard", "Said and listened to.", "power", ANN))
                .expectEvents(
                        new CodeRevised(PROJECT, FEB, "voice", "Being heard", "Said and listened to.", "power", ANN));
        fixture.given(registered(), joined(ANN, START))
                .when(new ReviseCode(PROJECT, FEB, "voice", "Being heard", null, null, ANN))
                .expectException(notFound("code"));
    }

    @Test
    void aMergedCodeMayNotBeGivenFromTheMergeOn_butCodingsBeforeItStand() {
        var given = List.of(
                registered(),
                joined(ANN, START),
                WRITTEN,
                defined("power", null),
                defined("voice", null),
                new CodesMerged(PROJECT, FEB, List.of("voice"), "power", ANN));
        fixture.given(given.toArray())
                .when(new CodeReflection(PROJECT, MAR, REFLECTION, List.of("trust", "voice"), ANN))
                .expectException(conflict("codes[1]"));
        fixture.given(given.toArray())
                .when(new CodeReflection(PROJECT, JAN.plusSeconds(60), REFLECTION, List.of("voice"), ANN))
                .expectSuccessfulHandlerExecution();
        fixture.given(given.toArray())
                .when(new ReviseCode(PROJECT, MAR, "voice", "Voice", null, null, ANN))
                .expectException(conflict("code"));
        fixture.given(given.toArray())
                .when(new MergeCodes(PROJECT, MAR, List.of("power"), "voice", ANN))
                .expectException(conflict("into"));
    }

    @Test
    void mergesNeedKnownCodesAndNotTheCodeItself() {
        fixture.given(registered(), joined(ANN, START), defined("power", null))
                .when(new MergeCodes(PROJECT, FEB, List.of("power"), "power", ANN))
                .expectException(conflict("codes[0]"));
        fixture.given(registered(), joined(ANN, START), defined("power", null))
                .when(new MergeCodes(PROJECT, FEB, List.of("voice"), "power", ANN))
                .expectException(notFound("codes[0]"));
        fixture.given(registered(), joined(ANN, START), defined("power", null), defined("voice", null))
                .when(new MergeCodes(PROJECT, FEB, List.of("voice"), "power", ANN))
                .expectEvents(new CodesMerged(PROJECT, FEB, List.of("voice"), "power", ANN));
    }

    @Test
    void aRetiredCodeIsNotGivenFromItsRetirementOn() {
        fixture.given(
                        registered(),
                        joined(ANN, START),
                        WRITTEN,
                        defined("jargon", null),
                        new CodeRetired(PROJECT, FEB, "jargon", "Folded into the glossary", ANN))
                .when(new CodeReflection(PROJECT, FEB, REFLECTION, List.of("jargon"), ANN))
                .expectException(conflict("codes[0]"));
        fixture.given(registered(), joined(ANN, START), defined("jargon", null))
                .when(new RetireCode(PROJECT, FEB, "jargon", "Folded into the glossary", ANN))
                .expectEvents(new CodeRetired(PROJECT, FEB, "jargon", "Folded into the glossary", ANN));
    }

    /** Analysis goes on after the study: the codebook may change after the project closed. */
    @Test
    void theCodebookMayChangeAfterTheProjectClosed() {
        java.time.Instant later = java.time.Instant.parse("2026-12-07T10:00:00Z");
        fixture.given(
                        registered(),
                        joined(ANN, START),
                        new org.coproduction.timeline.api.LifecycleEvent.ProjectClosed(PROJECT, MAR))
                .when(new DefineCode(PROJECT, later, "belonging", "Belonging", null, null, ANN))
                .expectEvents(new CodeDefined(PROJECT, later, "belonging", "Belonging", null, null, ANN));
    }

    @Test
    void theCodebookIsChangedInTheNameOfAMemberOnTheTeamWhoHasNotWithdrawn() {
        fixture.given(registered(), joined(ANN, START))
                .when(new DefineCode(PROJECT, FEB, "power", null, null, null, CAL))
                .expectException(notFound("changedBy"));
        fixture.given(registered(), joined(ANN, START), joined(BEN, START), new ConsentWithdrawn(PROJECT, JAN, BEN))
                .when(new DefineCode(PROJECT, FEB, "power", null, null, null, BEN))
                .expectException(conflict("changedBy"));
    }
}
