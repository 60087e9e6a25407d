package org.coproduction.timeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> ENVELOPE_FIELDS =
            List.of("type", "schemaVersion", "eventId", "recordedAt", "data");

    /** Required data fields per event type, besides projectId and occurredAt (docs/events.md). */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("ProjectRegistered", List.of("title")),
            Map.entry("PhaseStarted", List.of("phaseId", "name")),
            Map.entry("ProjectClosed", List.of()),
            Map.entry("MemberJoined", List.of("memberId", "name", "role", "perspectives")),
            Map.entry("MemberRoleChanged", List.of("memberId", "role", "perspectives")),
            Map.entry("MemberLeft", List.of("memberId")),
            Map.entry("MeetingHeld", List.of("meetingId", "title", "kind", "attendees")),
            Map.entry("ContributionRecorded", List.of("meetingId", "contributionId", "memberId", "category")),
            Map.entry("ContributionRetracted", List.of("contributionId", "reason")),
            Map.entry("DecisionProposed", List.of("decisionId", "title", "proposedBy")),
            Map.entry("InfluenceRecorded", List.of("decisionId", "influenceId", "memberId", "kind")),
            Map.entry("InfluenceRetracted", List.of("decisionId", "influenceId", "reason")),
            Map.entry("DecisionMade", List.of("decisionId", "outcome", "method", "decidedBy")),
            Map.entry("DecisionRevised", List.of("decisionId", "outcome", "reason")),
            Map.entry("ReflectionWritten", List.of("reflectionId", "authorId", "text", "visibility")),
            Map.entry("ReflectionCoded", List.of("reflectionId", "codes", "codedBy")),
            Map.entry("InterviewRecorded", List.of("interviewId", "intervieweeId", "interviewerId")),
            Map.entry("ConsentWithdrawn", List.of("memberId")),
            Map.entry("Gripp2ItemWritten", List.of("item", "text", "authors")),
            Map.entry("CodeDefined", List.of("code", "changedBy")),
            Map.entry("CodeRevised", List.of("code", "changedBy")),
            Map.entry("PassageCoded", List.of("source", "sourceId", "start", "end", "codes", "codedBy")));

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "kind@MeetingHeld", Set.of("TEAM", "STEERING", "ADVISORY", "ANALYSIS_WORKSHOP", "OTHER"),
            "kind@InfluenceRecorded",
                    Set.of("PROPOSED", "SUPPORTED", "OPPOSED", "AMENDED", "EVIDENCED", "LIVED_EXPERIENCE"),
            "method@DecisionMade", Set.of("CONSENSUS", "VOTE", "LEAD_DECIDED", "DELEGATED", "SERVICE_USER_LED"),
            "visibility@ReflectionWritten", Set.of("PRIVATE", "TEAM"),
            "source@PassageCoded", Set.of("REFLECTION", "INTERVIEW"),
            "category@ContributionRecorded",
                    Set.of(
                            "SHOWS_SOLIDARITY",
                            "SHOWS_TENSION_RELEASE",
                            "AGREES",
                            "GIVES_SUGGESTION",
                            "GIVES_OPINION",
                            "GIVES_ORIENTATION",
                            "ASKS_FOR_ORIENTATION",
                            "ASKS_FOR_OPINION",
                            "ASKS_FOR_SUGGESTION",
                            "DISAGREES",
                            "SHOWS_TENSION",
                            "SHOWS_ANTAGONISM"));

    private static final Set<String> ID_FIELDS = Set.of(
            "projectId",
            "phaseId",
            "memberId",
            "meetingId",
            "contributionId",
            "decisionId",
            "influenceId",
            "reflectionId",
            "interviewId",
            "sourceId",
            "proposedBy",
            "authorId",
            "codedBy",
            "intervieweeId",
            "interviewerId");

    private static List<ObjectNode> lines;

    @BeforeAll
    static void generateTheDefaultDemo() {
        lines = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
    }

    @Test
    void sameSeedGivesByteIdenticalOutput() throws IOException {
        byte[] first = write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED));
        byte[] second = write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED));

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void differentSeedGivesDifferentOutput() throws IOException {
        byte[] standard = write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED));
        byte[] other = write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED + 1));

        assertThat(other).isNotEqualTo(standard);
    }

    @Test
    void writesOneCompactEnvelopePerLineInTheContractFieldOrder() throws IOException {
        String text =
                new String(write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED)), StandardCharsets.UTF_8);

        assertThat(text).endsWith("\n").doesNotContain("\r");
        List<String> written = text.lines().toList();
        assertThat(written).hasSameSizeAs(lines);
        for (String line : written) {
            JsonNode parsed = MAPPER.readTree(line);
            assertThat(MAPPER.writeValueAsString(parsed)).isEqualTo(line);
            List<String> fields = new ArrayList<>();
            parsed.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyElementsOf(ENVELOPE_FIELDS);
        }
    }

    @Test
    void mainWritesTheDefaultDemoToTheGivenFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("demo.jsonl");

        DemoProjectGenerator.main(new String[] {file.toString()});

        assertThat(Files.readAllBytes(file))
                .isEqualTo(write(new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED)));
    }

    @Test
    void producesAStudyOfRealisticSize() {
        Map<String, Long> counts =
                lines.stream().collect(Collectors.groupingBy(l -> l.get("type").asText(), Collectors.counting()));

        assertThat(lines.get(0).get("type").asText()).isEqualTo("ProjectRegistered");
        assertThat(counts.get("ProjectRegistered")).isEqualTo(1);
        assertThat(counts.get("PhaseStarted")).isEqualTo(7);
        assertThat(counts.get("MemberJoined")).isBetween(12L, 16L);
        assertThat(counts.get("MemberLeft")).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("MemberRoleChanged")).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("MeetingHeld")).isBetween(100L, 140L);
        assertThat(counts.get("ContributionRecorded")).isBetween(3_500L, 4_500L);
        assertThat(counts.get("DecisionProposed")).isBetween(70L, 90L);
        assertThat(counts.get("DecisionMade")).isEqualTo(counts.get("DecisionProposed"));
        assertThat(counts.get("DecisionRevised")).isBetween(2L, 10L);
        assertThat(counts.get("InfluenceRecorded")).isGreaterThan(counts.get("DecisionProposed"));
        assertThat(counts.get("ReflectionWritten")).isBetween(250L, 350L);
        assertThat(counts.get("ReflectionCoded")).isPositive().isLessThan(counts.get("ReflectionWritten"));
        assertThat(counts.get("InterviewRecorded")).isBetween(10L, 20L);
        assertThat(counts.get("PassageCoded")).isBetween(5L, 10L);
        assertThat(counts.get("ContributionRetracted")).isBetween(2L, 10L);
        assertThat(counts.get("InfluenceRetracted")).isBetween(2L, 10L);
        assertThat(counts.get("ProjectClosed")).isEqualTo(1);
        assertThat(lines.get(lines.size() - 1).get("type").asText()).isEqualTo("ProjectClosed");
        assertThat(lines).hasSizeBetween(4_500, 5_500);
    }

    @Test
    void coversTheWholeStudyWithEveryKindOfMeetingAndMethod() {
        assertThat(valuesOf("MeetingHeld", "kind")).containsOnly("TEAM", "STEERING", "ADVISORY", "ANALYSIS_WORKSHOP");
        assertThat(valuesOf("DecisionMade", "method"))
                .containsOnly("CONSENSUS", "VOTE", "LEAD_DECIDED", "DELEGATED", "SERVICE_USER_LED");
        assertThat(valuesOf("ReflectionWritten", "visibility")).containsOnly("PRIVATE", "TEAM");
        assertThat(ofType("PhaseStarted").stream()
                        .map(l -> l.get("data").get("phaseId").asText()))
                .containsExactly(
                        "design", "ethics", "recruitment", "data-collection", "analysis", "write-up", "dissemination");
        Instant firstPhase = occurredAt(ofType("PhaseStarted").get(0));
        assertThat(ofType("MemberJoined").stream()
                        .filter(l -> occurredAt(l).isAfter(firstPhase.plus(Duration.ofDays(30)))))
                .as("members who join late")
                .isNotEmpty();
    }

    @Test
    void someReflectionsAreRecordedWeeksAfterTheyWereWritten() {
        long late = ofType("ReflectionWritten").stream()
                .filter(l -> Duration.between(occurredAt(l), recordedAt(l)).toDays() >= 14)
                .count();

        assertThat(late).isGreaterThan(5);
    }

    @Test
    void linesAreInRecordedOrderAndNothingIsRecordedBeforeItHappened() {
        Instant previous = Instant.MIN;
        for (ObjectNode line : lines) {
            Instant recorded = recordedAt(line);
            assertThat(recorded).as("recordedAt of %s", line).isAfterOrEqualTo(previous);
            assertThat(recorded).as("recordedAt vs occurredAt of %s", line).isAfterOrEqualTo(occurredAt(line));
            previous = recorded;
        }
    }

    @Test
    void everyLineHasTheEnvelopeAndTheRequiredDataFields() {
        Set<String> eventIds = new HashSet<>();
        for (ObjectNode line : lines) {
            String type = line.path("type").asText();
            assertThat(REQUIRED).as("known type").containsKey(type);
            assertThat(line.path("schemaVersion").asInt()).isEqualTo(1);
            String eventId = line.path("eventId").asText();
            assertThat(UUID.fromString(eventId).toString()).isEqualTo(eventId);
            assertThat(eventIds.add(eventId)).as("unique eventId %s", eventId).isTrue();
            assertThat(Instant.parse(line.path("recordedAt").asText()).toString())
                    .isEqualTo(line.path("recordedAt").asText());

            JsonNode data = line.path("data");
            assertThat(data.path("projectId").asText()).isEqualTo(DemoProjectGenerator.DEMO_PROJECT_ID);
            assertThat(data.path("occurredAt").isTextual()).isTrue();
            occurredAt(line);
            for (String field : REQUIRED.get(type)) {
                JsonNode value = data.get(field);
                assertThat(value).as("%s.%s in %s", type, field, line).isNotNull();
                assertThat(value.isNull()
                                || (value.isTextual() && value.asText().isBlank()))
                        .as("%s.%s is blank", type, field)
                        .isFalse();
            }
            checkIdsAndEnums(type, data);
        }
    }

    @Test
    void linesSatisfyTheRulesTheSystemEnforcesWhenAppliedInFileOrder() {
        assertThat(ruleViolations(lines)).isEmpty();
    }

    @Test
    void ruleCheckCatchesLinesThatBreakTheRules() {
        List<ObjectNode> withoutFirstMember = new ArrayList<>(lines);
        withoutFirstMember.remove(ofType("MemberJoined").get(0));
        List<ObjectNode> decidedTwice = new ArrayList<>(lines);
        decidedTwice.add(decidedTwice.size() - 1, ofType("DecisionMade").get(0));
        List<ObjectNode> afterClose = new ArrayList<>(lines);
        afterClose.add(ofType("ContributionRecorded").get(0));

        assertThat(ruleViolations(withoutFirstMember)).anyMatch(v -> v.contains("is not a member"));
        assertThat(ruleViolations(decidedTwice)).anyMatch(v -> v.contains("decision made twice"));
        assertThat(ruleViolations(afterClose)).anyMatch(v -> v.contains("after ProjectClosed"));
    }

    @Test
    void serviceUserShareOfContributionsIsHigherInAnalysisThanInDesign() {
        Map<String, Map<String, Integer>> byPhase = primaryPerspectiveCountsByPhase();

        double design = share(byPhase.get("design"), "SERVICE_USER");
        double analysis = share(byPhase.get("analysis"), "SERVICE_USER");

        assertThat(design).isPositive();
        assertThat(analysis).isGreaterThan(design);
    }

    // ---- helpers ----

    private static byte[] write(DemoProjectGenerator generator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            generator.writeTo(out);
        }
        return bytes.toByteArray();
    }

    private static List<ObjectNode> ofType(String type) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }

    private static Set<String> valuesOf(String type, String field) {
        return ofType(type).stream().map(l -> l.get("data").get(field).asText()).collect(Collectors.toSet());
    }

    private static Instant recordedAt(JsonNode line) {
        return Instant.parse(line.get("recordedAt").asText());
    }

    /** A date means the start of that day, UTC. */
    private static Instant occurredAt(JsonNode line) {
        String value = line.get("data").get("occurredAt").asText();
        return value.length() == 10
                ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(value);
    }

    private static void checkIdsAndEnums(String type, JsonNode data) {
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ID_FIELDS.contains(field.getKey())) {
                assertThat(field.getValue().asText())
                        .as("%s.%s", type, field.getKey())
                        .matches(ID);
            }
            Set<String> allowed = ENUMS.get(field.getKey() + "@" + type);
            if (allowed != null) {
                assertThat(allowed)
                        .as("%s.%s", type, field.getKey())
                        .contains(field.getValue().asText());
            }
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> assertThat(v.isTextual()).isTrue());
            }
            if (field.getValue().isTextual()) {
                assertThat(field.getValue().asText().length()).isLessThanOrEqualTo(20_000);
            }
        }
        if (type.equals("MemberJoined") || type.equals("MemberRoleChanged")) {
            assertThat(data.get("perspectives")).isNotEmpty();
        }
        for (String arrayOfIds : List.of("attendees", "decidedBy")) {
            if (data.has(arrayOfIds)) {
                assertThat(data.get(arrayOfIds)).isNotEmpty();
                data.get(arrayOfIds).forEach(v -> assertThat(v.asText()).matches(ID));
            }
        }
    }

    private static List<String> ruleViolations(List<ObjectNode> toCheck) {
        RuleCheck check = new RuleCheck();
        for (int i = 0; i < toCheck.size(); i++) {
            check.apply(i + 1, toCheck.get(i));
        }
        return check.violations;
    }

    /** Contributions not retracted, counted by phase and the member's primary perspective at the time. */
    private static Map<String, Map<String, Integer>> primaryPerspectiveCountsByPhase() {
        TreeMap<Instant, String> phases = new TreeMap<>();
        Map<String, TreeMap<Instant, String>> primary = new HashMap<>();
        Set<String> retracted = new HashSet<>();
        for (ObjectNode line : lines) {
            JsonNode data = line.get("data");
            switch (line.get("type").asText()) {
                case "PhaseStarted" -> phases.put(
                        occurredAt(line), data.get("phaseId").asText());
                case "MemberJoined", "MemberRoleChanged" -> primary.computeIfAbsent(
                                data.get("memberId").asText(), k -> new TreeMap<>())
                        .put(occurredAt(line), data.get("perspectives").get(0).asText());
                case "ContributionRetracted" -> retracted.add(
                        data.get("contributionId").asText());
                default -> {}
            }
        }
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (ObjectNode line : ofType("ContributionRecorded")) {
            JsonNode data = line.get("data");
            if (retracted.contains(data.get("contributionId").asText())) {
                continue;
            }
            Instant at = occurredAt(line);
            Map.Entry<Instant, String> phase = phases.floorEntry(at);
            String bucket = phase == null ? "before-first-phase" : phase.getValue();
            String perspective =
                    primary.get(data.get("memberId").asText()).floorEntry(at).getValue();
            counts.computeIfAbsent(bucket, k -> new HashMap<>()).merge(perspective, 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<String, Integer> counts, String perspective) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : counts.getOrDefault(perspective, 0) / (double) total;
    }

    /** A fold over the lines in file order, applying the rules that docs/events.md says accept or refuse an event. */
    private static final class RuleCheck {
        final List<String> violations = new ArrayList<>();
        private boolean registered;
        private boolean closed;
        private Instant latestOccurred = Instant.MIN;
        private Instant lastPhaseStart = Instant.MIN;
        private final Map<String, Instant> joined = new HashMap<>();
        private final Set<String> withdrawn = new HashSet<>();
        private final Map<String, Instant> left = new HashMap<>();
        private final Set<String> meetings = new HashSet<>();
        private final Set<String> contributions = new HashSet<>();
        private final Set<String> retractedContributions = new HashSet<>();
        private final Map<String, Instant> proposals = new HashMap<>();
        private final Map<String, Instant> made = new HashMap<>();
        private final Map<String, String> influenceDecision = new HashMap<>();
        private final Set<String> retractedInfluences = new HashSet<>();
        private final Set<String> reflections = new HashSet<>();
        private final Set<String> codes = new HashSet<>();
        /** The texts passages are coded in, by "REFLECTION:id" or "INTERVIEW:id": their length in code points. */
        private final Map<String, Integer> textLengths = new HashMap<>();

        private final Map<String, String> privateAuthors = new HashMap<>();
        private final Map<String, Set<String>> idsByKind = new HashMap<>();

        void apply(int lineNumber, JsonNode line) {
            String type = line.get("type").asText();
            JsonNode data = line.get("data");
            Instant at = occurredAt(line);
            Function<String, String> text = field -> data.path(field).asText(null);
            String where = "line " + lineNumber + " (" + type + ")";

            if (closed) {
                violations.add(where + ": after ProjectClosed");
            }
            if (!registered && !type.equals("ProjectRegistered")) {
                violations.add(where + ": before ProjectRegistered");
            }
            latestOccurred = at.isAfter(latestOccurred) ? at : latestOccurred;

            switch (type) {
                case "ProjectRegistered" -> registered = true;
                case "PhaseStarted" -> {
                    require(!at.isBefore(lastPhaseStart), where, "phase starts before the previous one");
                    lastPhaseStart = at;
                    unique("phase", text.apply("phaseId"), where);
                }
                case "ProjectClosed" -> {
                    require(!at.isBefore(latestOccurred), where, "something occurred after the close");
                    closed = true;
                }
                case "MemberJoined" -> {
                    unique("member", text.apply("memberId"), where);
                    joined.put(text.apply("memberId"), at);
                }
                case "MemberRoleChanged" -> member(text.apply("memberId"), at, where);
                case "MemberLeft" -> {
                    member(text.apply("memberId"), at, where);
                    left.put(text.apply("memberId"), at);
                }
                case "MeetingHeld" -> {
                    unique("meeting", text.apply("meetingId"), where);
                    meetings.add(text.apply("meetingId"));
                    data.get("attendees").forEach(a -> member(a.asText(), at, where));
                }
                case "ContributionRecorded" -> {
                    unique("contribution", text.apply("contributionId"), where);
                    require(meetings.contains(text.apply("meetingId")), where, "meeting not recorded yet");
                    member(text.apply("memberId"), at, where);
                    optionalDecision(text.apply("decisionId"), where);
                    contributions.add(text.apply("contributionId"));
                }
                case "ContributionRetracted" -> {
                    String id = text.apply("contributionId");
                    require(contributions.contains(id), where, "retracts an unknown contribution " + id);
                    require(retractedContributions.add(id), where, "retracts " + id + " twice");
                }
                case "DecisionProposed" -> {
                    unique("decision", text.apply("decisionId"), where);
                    member(text.apply("proposedBy"), at, where);
                    proposals.put(text.apply("decisionId"), at);
                }
                case "InfluenceRecorded" -> {
                    String decision = text.apply("decisionId");
                    unique("influence", text.apply("influenceId"), where);
                    member(text.apply("memberId"), at, where);
                    Instant proposed = proposals.get(decision);
                    require(proposed != null && !proposed.isAfter(at), where, "influence before the proposal");
                    String contribution = text.apply("contributionId");
                    require(
                            contribution == null
                                    || (contributions.contains(contribution)
                                            && !retractedContributions.contains(contribution)),
                            where,
                            "unknown contribution " + contribution);
                    String reflection = text.apply("reflectionId");
                    require(reflection == null || reflections.contains(reflection), where, "unknown reflection");
                    influenceDecision.put(text.apply("influenceId"), decision);
                }
                case "InfluenceRetracted" -> {
                    String id = text.apply("influenceId");
                    require(
                            text.apply("decisionId").equals(influenceDecision.get(id)),
                            where,
                            "retracts an unknown influence " + id);
                    require(retractedInfluences.add(id), where, "retracts " + id + " twice");
                }
                case "DecisionMade" -> {
                    String decision = text.apply("decisionId");
                    Instant proposed = proposals.get(decision);
                    require(proposed != null && !proposed.isAfter(at), where, "made before it was proposed");
                    require(!made.containsKey(decision), where, "decision made twice");
                    made.put(decision, at);
                    data.get("decidedBy").forEach(m -> member(m.asText(), at, where));
                }
                case "DecisionRevised" -> {
                    Instant madeAt = made.get(text.apply("decisionId"));
                    require(madeAt != null && !madeAt.isAfter(at), where, "revised before it was made");
                }
                case "ReflectionWritten" -> {
                    unique("reflection", text.apply("reflectionId"), where);
                    member(text.apply("authorId"), at, where);
                    optionalDecision(text.apply("decisionId"), where);
                    String meeting = text.apply("meetingId");
                    require(meeting == null || meetings.contains(meeting), where, "unknown meeting " + meeting);
                    reflections.add(text.apply("reflectionId"));
                    String written = text.apply("text");
                    textLengths.put(
                            "REFLECTION:" + text.apply("reflectionId"), written.codePointCount(0, written.length()));
                    if ("PRIVATE".equals(text.apply("visibility"))) {
                        privateAuthors.put(text.apply("reflectionId"), text.apply("authorId"));
                    }
                }
                case "ReflectionCoded" -> {
                    require(reflections.contains(text.apply("reflectionId")), where, "unknown reflection");
                    member(text.apply("codedBy"), at, where);
                }
                case "InterviewRecorded" -> {
                    unique("interview", text.apply("interviewId"), where);
                    member(text.apply("intervieweeId"), at, where);
                    member(text.apply("interviewerId"), at, where);
                    String summary = text.apply("summary");
                    if (summary != null) {
                        textLengths.put(
                                "INTERVIEW:" + text.apply("interviewId"), summary.codePointCount(0, summary.length()));
                    }
                }
                case "PassageCoded" -> {
                    Integer length = textLengths.get(text.apply("source") + ":" + text.apply("sourceId"));
                    require(length != null, where, "a passage of no recorded text (or an interview without summary)");
                    int start = data.get("start").asInt();
                    int end = data.get("end").asInt();
                    require(0 <= start && start < end, where, "start " + start + ", end " + end);
                    require(length == null || end <= length, where, "end " + end + " beyond the text's " + length);
                    member(text.apply("codedBy"), at, where);
                    String author = privateAuthors.get(text.apply("sourceId"));
                    require(
                            !"REFLECTION".equals(text.apply("source"))
                                    || author == null
                                    || author.equals(text.apply("codedBy")),
                            where,
                            "a private reflection coded by another");
                    data.get("codes").forEach(c -> require(codes.contains(c.asText()), where, "undefined code " + c));
                }
                case "ConsentWithdrawn" -> {
                    String member = text.apply("memberId");
                    require(joined.containsKey(member), where, member + " never joined");
                    require(withdrawn.add(member), where, member + " withdrew twice");
                }
                case "Gripp2ItemWritten" -> {
                    require(data.get("authors").size() > 0, where, "no author");
                    data.get("authors").forEach(m -> {
                        member(m.asText(), at, where);
                        require(!withdrawn.contains(m.asText()), where, m.asText() + " withdrew consent");
                    });
                }
                case "CodeDefined" -> {
                    require(codes.add(text.apply("code")), where, "code defined twice");
                    require(
                            !data.has("parent") || codes.contains(text.apply("parent")),
                            where,
                            "parent not defined before");
                    member(text.apply("changedBy"), at, where);
                }
                case "CodeRevised" -> {
                    require(codes.contains(text.apply("code")), where, "revises a code not defined");
                    member(text.apply("changedBy"), at, where);
                }
                default -> violations.add(where + ": unexpected type");
            }
        }

        private void member(String memberId, Instant at, String where) {
            require(!withdrawn.contains(memberId), where, memberId + " withdrew consent: nothing more is recorded");
            Instant joinedAt = joined.get(memberId);
            Instant leftAt = left.get(memberId);
            boolean current = joinedAt != null && !at.isBefore(joinedAt) && (leftAt == null || at.isBefore(leftAt));
            require(current, where, memberId + " is not a member at " + at);
        }

        private void optionalDecision(String decisionId, String where) {
            require(decisionId == null || proposals.containsKey(decisionId), where, "unknown decision " + decisionId);
        }

        private void unique(String kind, String id, String where) {
            require(
                    idsByKind.computeIfAbsent(kind, k -> new HashSet<>()).add(id),
                    where,
                    "duplicate " + kind + " " + id);
        }

        private void require(boolean condition, String where, String message) {
            if (!condition) {
                violations.add(where + ": " + message);
            }
        }
    }
}
