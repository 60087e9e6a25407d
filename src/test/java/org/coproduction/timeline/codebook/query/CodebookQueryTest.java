package org.coproduction.timeline.codebook.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.contributed;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.phaseStarted;
import static org.coproduction.timeline.testing.ProjectSamples.registered;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.Status;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.junit.jupiter.api.Test;

/** The codebook as of a date: its tree, codes from use, merges followed, usage by perspective and phase. */
class CodebookQueryTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static ProjectHistory history(ProjectEvent... events) {
        ProjectHistory history = new ProjectHistory(LATER);
        for (int i = 0; i < events.length; i++) {
            history.add(events[i], events[i].occurredAt(), "e-" + i, i);
        }
        return history;
    }

    private static final ProjectEvent[] STUDY = {
        registered(),
        new MemberJoined(PROJECT, START, ANN, "Ann", "RESEARCHER", List.of("ACADEMIC")),
        new MemberJoined(PROJECT, START, BEN, "Ben", "PEER_RESEARCHER", List.of("SERVICE_USER")),
        phaseStarted("design", START),
        phaseStarted("analysis", FEB),
        new CodeDefined(PROJECT, JAN, "power", "Power", "Who decides.", null, ANN),
        new CodeDefined(PROJECT, JAN, "tokenism", "Tokenism", null, "power", ANN),
        new CodeDefined(PROJECT, JAN, "voice", "Voice", null, null, BEN),
        new ReflectionWritten(PROJECT, JAN, "r-1", ANN, "sealed", Visibility.TEAM, null, null),
        new ReflectionCoded(PROJECT, JAN, "r-1", List.of("voice", "trust"), ANN),
        new ReflectionWritten(PROJECT, FEB, "r-2", BEN, "sealed", Visibility.PRIVATE, null, null),
        new ReflectionCoded(PROJECT, FEB, "r-2", List.of("tokenism", "voice"), BEN),
        new InterviewRecorded(PROJECT, FEB, "i-1", BEN, ANN, null, List.of("voice")),
        meetingHeld("m-1", JAN, ANN, BEN),
        contributed("c-1", "m-1", ANN, JAN),
        new CodesMerged(PROJECT, MAR, List.of("voice"), "power", ANN),
        new CodeRevised(PROJECT, MAR, "tokenism", "Token involvement", "Asked, then not heard.", "power", BEN),
    };

    @Test
    void theCodesInTreeOrderWithCodesFromUse_andTheIpaCategoriesBuiltIn() {
        CodebookView codebook = CodebookQuery.of(PROJECT, history(STUDY), FEB.plusSeconds(60));

        assertThat(codebook.codes())
                .extracting(c -> "  ".repeat(c.depth()) + c.name() + " " + c.status())
                .containsExactly("Power DEFINED", "  Tokenism DEFINED", "trust FROM_USE", "Voice DEFINED");
        Code voice = code(codebook, "voice");
        assertThat(voice.given()).isEqualTo(3);
        assertThat(voice.usage().reflections()).isEqualTo(2);
        assertThat(voice.usage().interviews()).isEqualTo(1);
        assertThat(voice.usage().byPerspective()).isEqualTo(Map.of("ACADEMIC", 1, "SERVICE_USER", 2));
        assertThat(voice.usage().byPhase()).containsExactly(entry("Phase design", 1), entry("Phase analysis", 2));
        assertThat(voice.eventIds()).containsExactly("e-7");
        assertThat(codebook.ipa()).hasSize(12).first().satisfies(ipa -> {
            assertThat(ipa.code()).isEqualTo("SHOWS_SOLIDARITY");
            assertThat(ipa.number()).isEqualTo(1);
        });
        assertThat(codebook.ipa())
                .filteredOn(i -> i.code().equals("GIVES_SUGGESTION"))
                .singleElement()
                .satisfies(i -> assertThat(i.contributions()).isEqualTo(1));
    }

    @Test
    void afterAMergeTheMergedCodesCodingsCountUnderTheCodeMergedInto_andARevisionMovesAndRenames() {
        CodebookView codebook = CodebookQuery.of(PROJECT, history(STUDY), MAR);

        Code voice = code(codebook, "voice");
        assertThat(voice.status()).isEqualTo(Status.MERGED);
        assertThat(voice.mergedInto()).isEqualTo("power");
        assertThat(voice.given()).isEqualTo(3);
        assertThat(voice.usage().total()).isZero();
        Code power = code(codebook, "power");
        assertThat(power.usage().total()).isEqualTo(3);
        assertThat(power.eventIds()).containsExactly("e-5", "e-15");
        assertThat(code(codebook, "tokenism").name()).isEqualTo("Token involvement");
        assertThat(code(codebook, "tokenism").usage().total()).isEqualTo(1);
    }

    @Test
    void asOfADateBeforeACodeWasDefinedOrGiven_itIsNotInTheCodebook() {
        CodebookView codebook = CodebookQuery.of(PROJECT, history(STUDY), START.plusSeconds(60));

        assertThat(codebook.codes()).isEmpty();
    }

    @Test
    void aRetiredCodeKeepsItsCodingsAndItsPlace() {
        ProjectEvent[] events = java.util.Arrays.copyOf(STUDY, STUDY.length + 1);
        events[STUDY.length] = new CodeRetired(PROJECT, MAR, "tokenism", "Too close to power", ANN);

        Code tokenism = code(CodebookQuery.of(PROJECT, history(events), MAR), "tokenism");

        assertThat(tokenism.status()).isEqualTo(Status.RETIRED);
        assertThat(tokenism.usage().total()).isEqualTo(1);
        assertThat(tokenism.parent()).isEqualTo("power");
    }

    @Test
    void aReflectionOrInterviewCountsOnceUnderEachCodeItsPassagesOrItsWholeGive() {
        Instant coded = FEB.plusSeconds(30);
        PassageSource r = PassageSource.REFLECTION;
        ProjectEvent[] passages = {
            // voice is r-1's already as a whole; tokenism twice in r-1's passages
            new PassageCoded(PROJECT, coded, r, "r-1", 0, 3, List.of("voice", "tokenism"), ANN),
            new PassageCoded(PROJECT, coded, r, "r-1", 4, 6, List.of("tokenism"), ANN),
            new PassageCoded(PROJECT, coded, PassageSource.INTERVIEW, "i-1", 0, 3, List.of("trust"), ANN),
            // coded, then cleared: counts nowhere
            new PassageCoded(PROJECT, coded, r, "r-2", 0, 3, List.of("being heard"), BEN),
            new PassageCoded(PROJECT, coded.plusSeconds(1), r, "r-2", 0, 3, List.of(), BEN),
        };
        ProjectEvent[] events = java.util.Arrays.copyOf(STUDY, STUDY.length + passages.length);
        System.arraycopy(passages, 0, events, STUDY.length, passages.length);

        CodebookView codebook = CodebookQuery.of(PROJECT, history(events), FEB.plusSeconds(60));

        assertThat(code(codebook, "voice").given()).isEqualTo(3);
        assertThat(code(codebook, "voice").usage().reflections()).isEqualTo(2);
        Code tokenism = code(codebook, "tokenism");
        assertThat(tokenism.given()).isEqualTo(2);
        assertThat(tokenism.usage().reflections()).isEqualTo(2);
        assertThat(tokenism.usage().byPerspective()).isEqualTo(Map.of("ACADEMIC", 1, "SERVICE_USER", 1));
        Code trust = code(codebook, "trust");
        assertThat(trust.usage().reflections()).isEqualTo(1);
        assertThat(trust.usage().interviews()).isEqualTo(1);
        assertThat(codebook.codes()).noneMatch(c -> c.code().equals("being heard"));
        // After the merge, r-1's voice and the power its passages do not give count once under power.
        Code power = code(CodebookQuery.of(PROJECT, history(events), MAR), "power");
        assertThat(power.usage().reflections()).isEqualTo(2);
        assertThat(power.usage().interviews()).isEqualTo(1);
    }

    private static Code code(CodebookView codebook, String key) {
        return codebook.codes().stream()
                .filter(c -> c.code().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
