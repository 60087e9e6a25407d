package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.platform.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Approval test of the v1 interchange contract: one fixed-value event per catalogued type, written
 * as the exporter writes it, must equal the checked-in {@code approved/events/<Type>.v<revision>.json}
 * field for field and in field order, conform to its schema and read back into the same event.
 *
 * <p>A changed or new event type shows up here as a difference from an approved file. To approve,
 * review {@code target/approved-candidates/<Type>.v<revision>.json} against docs/events.md and copy it to
 * {@code src/test/resources/approved/events/}; a change to an approved revision is a contract
 * break, which needs a new revision and an upcaster instead.
 *
 * <p>Public only so that the event store's serializer test can use the same samples.
 */
public class EventApprovalTest {

    static final Path APPROVED = Path.of("src/test/resources/approved/events");
    static final Path CANDIDATES = Path.of("target/approved-candidates");

    private static final String PROJECT = "approval-project";
    private static final Instant OCCURRED_AT = Instant.parse("2021-03-05T10:00:00Z");
    private static final Instant RECORDED_AT = Instant.parse("2021-03-06T09:00:00Z");

    private static final String ADA = "member-ada";
    private static final String BEN = "member-ben";
    private static final String MEETING = "meeting-steering-1";
    private static final String CONTRIBUTION = "contribution-1";
    private static final String DECISION = "decision-vouchers";
    private static final String INFLUENCE = "influence-1";
    private static final String REFLECTION = "reflection-1";

    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final EventSchemas SCHEMAS = new EventSchemas();

    /** A fixed-value event of one catalogued type and the fixed id it is exported under. */
    public record Sample(ProjectEvent event, String eventId) {

        public EventCatalogue.EventType type() {
            return EventCatalogue.byClass(event.getClass()).orElseThrow();
        }

        String approvedFileName() {
            return type().name() + ".v" + type().revision() + ".json";
        }

        @Override
        public String toString() {
            return type().name();
        }
    }

    /** One sample per catalogued event type, every optional field filled so the approved files show them all. */
    public static Stream<Sample> samples() {
        return Stream.of(
                sample(
                        1,
                        new ProjectRegistered(
                                PROJECT,
                                OCCURRED_AT,
                                "Peer support in early intervention",
                                "A co-produced study of peer support for young people in early intervention services.",
                                "NIHR Research for Patient Benefit")),
                sample(2, new PhaseStarted(PROJECT, OCCURRED_AT, "phase-design", "Design")),
                sample(3, new ProjectClosed(PROJECT, OCCURRED_AT)),
                sample(
                        4,
                        new MemberJoined(
                                PROJECT,
                                OCCURRED_AT,
                                ADA,
                                "Ada Okafor",
                                "SERVICE_USER_RESEARCHER",
                                List.of("SERVICE_USER", "CARER"))),
                sample(
                        5,
                        new MemberRoleChanged(
                                PROJECT, OCCURRED_AT, ADA, "CO_INVESTIGATOR", List.of("SERVICE_USER", "ACADEMIC"))),
                sample(6, new MemberLeft(PROJECT, OCCURRED_AT, ADA)),
                sample(
                        7,
                        new MeetingHeld(
                                PROJECT,
                                OCCURRED_AT,
                                MEETING,
                                "Steering group, March",
                                MeetingKind.STEERING,
                                List.of(ADA, BEN))),
                sample(
                        8,
                        new ContributionRecorded(
                                PROJECT,
                                OCCURRED_AT,
                                MEETING,
                                CONTRIBUTION,
                                ADA,
                                IpaCategory.GIVES_SUGGESTION,
                                DECISION,
                                "Suggested paying participants in vouchers.")),
                sample(
                        9,
                        new ContributionRetracted(
                                PROJECT, OCCURRED_AT, CONTRIBUTION, "Coded against the wrong member.")),
                sample(10, new DecisionProposed(PROJECT, OCCURRED_AT, DECISION, "How to pay participants", ADA)),
                sample(
                        11,
                        new InfluenceRecorded(
                                PROJECT,
                                OCCURRED_AT,
                                DECISION,
                                INFLUENCE,
                                ADA,
                                InfluenceKind.LIVED_EXPERIENCE,
                                CONTRIBUTION,
                                REFLECTION,
                                "Drew on her own experience of losing benefits over cash payments.")),
                sample(12, new InfluenceRetracted(PROJECT, OCCURRED_AT, DECISION, INFLUENCE, "Recorded twice.")),
                sample(
                        13,
                        new DecisionMade(
                                PROJECT,
                                OCCURRED_AT,
                                DECISION,
                                "Pay participants in vouchers.",
                                DecisionMethod.CONSENSUS,
                                List.of(ADA, BEN))),
                sample(
                        14,
                        new DecisionRevised(
                                PROJECT,
                                OCCURRED_AT,
                                DECISION,
                                "Offer vouchers or cash.",
                                "Participants asked for a choice.")),
                sample(
                        15,
                        new ReflectionWritten(
                                PROJECT,
                                OCCURRED_AT,
                                REFLECTION,
                                ADA,
                                "I felt heard when the group changed the payment plan.",
                                Visibility.TEAM,
                                DECISION,
                                MEETING)),
                sample(
                        16,
                        new ReflectionCoded(
                                PROJECT, OCCURRED_AT, REFLECTION, List.of("being heard", "power sharing"), BEN)),
                sample(
                        17,
                        new InterviewRecorded(
                                PROJECT,
                                OCCURRED_AT,
                                "interview-1",
                                ADA,
                                BEN,
                                "Talked about joining the team and the first steering group.",
                                List.of("belonging", "being heard"))),
                sample(18, new ConsentWithdrawn(PROJECT, OCCURRED_AT, ADA)),
                sample(
                        19,
                        new Gripp2ItemWritten(
                                PROJECT,
                                OCCURRED_AT,
                                Gripp2Topic.REFLECTIONS,
                                "Meeting in the evening let carers come; the glossary came too late.",
                                List.of(ADA, BEN))),
                sample(
                        20,
                        new CodeDefined(
                                PROJECT,
                                OCCURRED_AT,
                                "tokenism",
                                "Tokenism",
                                "Involvement in name only: asked, then not heard.",
                                "power",
                                ADA)),
                sample(
                        21,
                        new CodeRevised(
                                PROJECT,
                                OCCURRED_AT,
                                "tokenism",
                                "Tokenistic involvement",
                                "Asked to take part, then not heard, or heard and ignored.",
                                "power",
                                BEN)),
                sample(22, new CodesMerged(PROJECT, OCCURRED_AT, List.of("being-heard", "voice"), "power", ADA)),
                sample(23, new CodeRetired(PROJECT, OCCURRED_AT, "jargon", "Folded into the glossary work.", BEN)),
                sample(
                        24,
                        new TurnTranscribed(
                                PROJECT,
                                OCCURRED_AT,
                                MEETING,
                                MEETING + ".t1",
                                ADA,
                                "Could we pay in vouchers? Cash changes someone's benefits.")),
                sample(
                        25,
                        new PassageCoded(
                                PROJECT,
                                OCCURRED_AT,
                                PassageSource.REFLECTION,
                                REFLECTION,
                                2,
                                12,
                                List.of("being heard"),
                                BEN)));
    }

    private static Sample sample(int number, ProjectEvent event) {
        return new Sample(event, String.format("00000000-0000-0000-0000-%012d", number));
    }

    @Test
    void samplesCoverEveryCatalogueEntryOnce() {
        List<String> sampled = samples().map(sample -> sample.type().name()).toList();

        assertThat(sampled).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(catalogueNames());
    }

    @Test
    void samplesFillEveryField() {
        samples().forEach(sample -> {
            for (RecordComponent component : sample.event().getClass().getRecordComponents()) {
                assertThat(value(component, sample.event()))
                        .as("%s.%s", sample, component.getName())
                        .isNotNull();
            }
        });
    }

    @Test
    void everyCatalogueTypeHasASchemaAndAnApprovedSampleAndNothingElseDoes() throws IOException {
        Set<String> approvedFiles;
        try (Stream<Path> files = Files.list(APPROVED)) {
            approvedFiles = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expectedFiles = EventCatalogue.all().stream()
                .map(type -> type.name() + ".v" + type.revision() + ".json")
                .collect(Collectors.toSet());

        assertThat(approvedFiles).containsExactlyInAnyOrderElementsOf(expectedFiles);
        assertThat(SCHEMAS.eventTypes()).containsExactlyInAnyOrderElementsOf(catalogueNames());
        EventCatalogue.all().forEach(type -> assertThat(SCHEMAS.versionsOf(type.name()))
                .as("schema versions of %s", type.name())
                .contains(type.revision()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writtenLineConformsToItsSchema(Sample sample) {
        assertThat(SCHEMAS.validateLine(write(sample))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writtenLineEqualsApprovedFile(Sample sample) throws IOException {
        ObjectNode line = write(sample);
        String written = pretty(line);
        Path approved = APPROVED.resolve(sample.approvedFileName());
        if (!Files.exists(approved)) {
            fail("No approved sample %s. Review %s against docs/events.md, then copy it to %s to approve it."
                    .formatted(approved, writeCandidate(sample, written), APPROVED));
        }
        String approvedText = normalised(Files.readString(approved, StandardCharsets.UTF_8));
        if (!approvedText.equals(written)) {
            writeCandidate(sample, written);
        }

        assertThat(MAPPER.readTree(approvedText))
                .as("%s as a JSON tree (candidate in %s)", approved, CANDIDATES)
                .isEqualTo(line);
        assertThat(written)
                .as("%s as text, field order included (candidate in %s)", approved, CANDIDATES)
                .isEqualTo(approvedText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writtenLineReadsBackIntoEqualEvent(Sample sample) {
        InterchangeLine read = InterchangeLine.read(1, write(sample), MAPPER);

        assertThat(read.event()).isEqualTo(sample.event());
        assertThat(read.eventId()).isEqualTo(UUID.fromString(sample.eventId()));
        assertThat(read.recordedAt()).isEqualTo(RECORDED_AT);
    }

    private static ObjectNode write(Sample sample) {
        return InterchangeLine.write(sample.event(), sample.eventId(), RECORDED_AT, MAPPER);
    }

    private static String pretty(JsonNode line) throws IOException {
        return normalised(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(line));
    }

    /** Line endings and the final newline do not count: a checkout on Windows must still pass. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n").strip() + "\n";
    }

    private static Path writeCandidate(Sample sample, String text) {
        try {
            Files.createDirectories(CANDIDATES);
            Path candidate = CANDIDATES.resolve(sample.approvedFileName());
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            return candidate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> catalogueNames() {
        return EventCatalogue.all().stream().map(EventCatalogue.EventType::name).toList();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
