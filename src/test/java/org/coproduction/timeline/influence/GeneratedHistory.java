package org.coproduction.timeline.influence;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.platform.EventJson;

/**
 * A random project history that keeps every rule of docs/events.md, so the importer takes it whole:
 * members join, change role (sometimes back-dated), leave and rejoin; phases start in order;
 * meetings, contributions (some naming decisions), proposals, influences of every kind (some
 * back-dated, some by the proposer as explicit PROPOSED), retractions of influences and
 * contributions, decisions made and revised, now and then a member's withdrawal of consent (scope
 * TEXT or ALL; nothing more is recorded about them after it). Each line gets a recordedAt at or after its
 * occurredAt, sometimes weeks late; a retraction is recorded after what it retracts. The lines
 * are in file order, which is the order of the project's stream.
 */
public final class GeneratedHistory {

    public record Line(ProjectEvent event, String eventId, Instant recordedAt) {}

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final List<String> ROLES = List.of(
            "CHIEF_INVESTIGATOR",
            "CO_INVESTIGATOR",
            "RESEARCHER",
            "SERVICE_USER_RESEARCHER",
            "PEER_WORKER",
            "ADVISORY_MEMBER",
            "OBSERVER");
    private static final List<String> PERSPECTIVES =
            List.of("SERVICE_USER", "CARER", "CLINICIAN", "ACADEMIC", "PEER_WORKER", "MANAGER", "PUBLIC");

    private final String projectId;
    private final long seed;
    private final Random random;
    private final List<Line> lines = new ArrayList<>();
    private Instant now;

    private final Map<String, List<Instant[]>> memberships = new LinkedHashMap<>();
    private final List<Instant> meetings = new ArrayList<>();
    private final List<Retractable> contributions = new ArrayList<>();
    private final List<String> reflections = new ArrayList<>();
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private final List<Retractable> influences = new ArrayList<>();
    private final Map<String, String> influenceDecisions = new HashMap<>();
    /** Who withdrew consent, with their pseudonym's number: the order they withdrew in. */
    private final Map<String, Integer> withdrawals = new LinkedHashMap<>();

    private int phases;

    private static final class Decision {
        final String proposedBy;
        final Instant proposedAt;
        Instant madeAt;

        Decision(String proposedBy, Instant proposedAt) {
            this.proposedBy = proposedBy;
            this.proposedAt = proposedAt;
        }
    }

    private static final class Retractable {
        final String id;
        final Instant recordedAt;
        boolean retracted;

        Retractable(String id, Instant recordedAt) {
            this.id = id;
            this.recordedAt = recordedAt;
        }
    }

    public GeneratedHistory(String projectId, long seed) {
        this.projectId = projectId;
        this.seed = seed;
        this.random = new Random(seed);
        this.now = Instant.parse("2020-01-06T09:00:00Z").plus(random.nextInt(400), ChronoUnit.DAYS);
        add(new ProjectRegistered(projectId, now, "Study " + seed, null, null));
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            join();
        }
        for (int step = 0, steps = 30 + random.nextInt(70); step < steps; step++) {
            advance();
            act();
        }
    }

    public String projectId() {
        return projectId;
    }

    public long seed() {
        return seed;
    }

    public List<Line> lines() {
        return lines;
    }

    List<String> decisionIds() {
        return List.copyOf(decisions.keySet());
    }

    /** The line as the interchange format has it, with its chosen eventId and recordedAt. */
    public static String json(Line line) {
        EventCatalogue.EventType type =
                EventCatalogue.byClass(line.event().getClass()).orElseThrow();
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type.name());
        node.put("schemaVersion", type.revision());
        node.put("eventId", line.eventId());
        node.put("recordedAt", line.recordedAt().toString());
        node.set("data", JSON.valueToTree(line.event()));
        return node.toString();
    }

    /**
     * The from-scratch fold: every line in stream order, the history keeping those recorded by
     * knownAt. Once the whole history is stored every withdrawn member's key is destroyed, whatever
     * the knownAt asked, so their name is their pseudonym and their notes are gone, as the
     * application shows them.
     */
    public ProjectHistory fold(Instant knownAt) {
        ProjectHistory history = new ProjectHistory(knownAt);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            history.add(shown(line.event()), line.recordedAt(), line.eventId(), i);
        }
        return history;
    }

    private ProjectEvent shown(ProjectEvent event) {
        if (event instanceof MemberJoined j && withdrawals.containsKey(j.memberId())) {
            return new MemberJoined(
                    j.projectId(),
                    j.occurredAt(),
                    j.memberId(),
                    "Withdrawn member " + withdrawals.get(j.memberId()),
                    j.role(),
                    j.perspectives());
        }
        if (event instanceof InfluenceRecorded i && i.note() != null && withdrawals.containsKey(i.memberId())) {
            return new InfluenceRecorded(
                    i.projectId(),
                    i.occurredAt(),
                    i.decisionId(),
                    i.influenceId(),
                    i.memberId(),
                    i.kind(),
                    i.contributionId(),
                    i.reflectionId(),
                    null);
        }
        return event;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("history of seed " + seed + ":\n");
        lines.forEach(line -> text.append(json(line)).append('\n'));
        return text.toString();
    }

    // ---- generation

    /** Time moves on: often not at all (several things at one instant), mostly by minutes or days. */
    private void advance() {
        int dice = random.nextInt(100);
        Duration step;
        if (dice < 20) {
            step = Duration.ZERO;
        } else if (dice < 60) {
            step = Duration.ofMinutes(1 + random.nextInt(180));
        } else if (dice < 90) {
            step = Duration.ofHours(1 + random.nextInt(72));
        } else {
            step = Duration.ofDays(1 + random.nextInt(14));
        }
        now = now.plus(step);
    }

    private void act() {
        int dice = random.nextInt(100);
        if (dice < 5) {
            join();
        } else if (dice < 9) {
            rejoin();
        } else if (dice < 14) {
            changeRole();
        } else if (dice < 18) {
            leave();
        } else if (dice < 22) {
            startPhase();
        } else if (dice < 28) {
            holdMeeting();
        } else if (dice < 40) {
            contribute();
        } else if (dice < 47) {
            propose();
        } else if (dice < 70) {
            influence();
        } else if (dice < 76) {
            retractInfluence();
        } else if (dice < 80) {
            retractContribution();
        } else if (dice < 86) {
            make();
        } else if (dice < 91) {
            revise();
        } else if (dice < 98) {
            reflect();
        } else {
            withdraw();
        }
    }

    private void join() {
        String memberId = "m" + memberships.size();
        memberships.put(memberId, new ArrayList<>());
        memberships.get(memberId).add(new Instant[] {now, null});
        add(new MemberJoined(projectId, now, memberId, "Member " + memberId, role(), perspectives()));
    }

    private void rejoin() {
        pick(new ArrayList<>(memberships.keySet()), id -> !isMemberAt(id, now) && !withdrawals.containsKey(id))
                .ifPresent(memberId -> {
                    memberships.get(memberId).add(new Instant[] {now, null});
                    add(new MemberJoined(
                            projectId, now, memberId, "Member " + memberId + " again", role(), perspectives()));
                });
    }

    /** Now, or back-dated to a moment of the member's current membership. */
    private void changeRole() {
        pick(active(now), id -> true).ifPresent(memberId -> {
            List<Instant[]> list = memberships.get(memberId);
            Instant at = random.nextInt(3) == 0 ? between(list.get(list.size() - 1)[0], now) : now;
            add(new MemberRoleChanged(projectId, at, memberId, role(), perspectives()));
        });
    }

    private void leave() {
        List<String> active = active(now);
        if (active.size() > 2) {
            String memberId = active.get(random.nextInt(active.size()));
            List<Instant[]> list = memberships.get(memberId);
            list.get(list.size() - 1)[1] = now;
            add(new MemberLeft(projectId, now, memberId));
        }
    }

    private void startPhase() {
        add(new PhaseStarted(projectId, now, "phase-" + phases, "Phase " + phases));
        phases++;
    }

    private void holdMeeting() {
        List<String> attendees =
                active(now).stream().filter(id -> random.nextBoolean()).toList();
        String meetingId = "meeting-" + meetings.size();
        meetings.add(now);
        add(new MeetingHeld(projectId, now, meetingId, "Meeting " + meetings.size(), MeetingKind.TEAM, attendees));
    }

    private void contribute() {
        if (meetings.isEmpty()) {
            return;
        }
        int meeting = random.nextInt(meetings.size());
        Instant at = random.nextInt(4) == 0 ? between(meetings.get(meeting), now) : now;
        pick(active(at), id -> true).ifPresent(memberId -> {
            String contributionId = "c-" + contributions.size();
            String decisionId =
                    random.nextInt(5) < 2 ? pick(decisionIds(), id -> true).orElse(null) : null;
            Instant recordedAt = recordedAt(at);
            contributions.add(new Retractable(contributionId, recordedAt));
            add(
                    new ContributionRecorded(
                            projectId,
                            at,
                            "meeting-" + meeting,
                            contributionId,
                            memberId,
                            pickOne(IpaCategory.values()),
                            decisionId,
                            null),
                    recordedAt);
        });
    }

    private void propose() {
        pick(active(now), id -> true).ifPresent(memberId -> {
            String decisionId = "d-" + decisions.size();
            decisions.put(decisionId, new Decision(memberId, now));
            add(new DecisionProposed(projectId, now, decisionId, "Decision " + decisionId, memberId));
        });
    }

    /** Now or back-dated to after the proposal, by a member on the team then. */
    private void influence() {
        pick(decisionIds(), id -> true).ifPresent(decisionId -> {
            Decision decision = decisions.get(decisionId);
            Instant at = random.nextInt(3) == 0 ? between(decision.proposedAt, now) : now;
            pick(active(at), id -> true).ifPresent(memberId -> {
                InfluenceKind kind = memberId.equals(decision.proposedBy) && random.nextInt(3) == 0
                        ? InfluenceKind.PROPOSED
                        : pickOne(InfluenceKind.values());
                String contributionId = random.nextInt(4) == 0
                        ? pick(contributions.stream().map(c -> c.id).toList(), id -> true)
                                .orElse(null)
                        : null;
                String reflectionId =
                        random.nextInt(5) == 0 ? pick(reflections, id -> true).orElse(null) : null;
                String note = random.nextInt(3) == 0 ? "Because " + random.nextInt(100) : null;
                String influenceId = "i-" + influences.size();
                Instant recordedAt = recordedAt(at);
                influences.add(new Retractable(influenceId, recordedAt));
                influenceDecisions.put(influenceId, decisionId);
                add(
                        new InfluenceRecorded(
                                projectId,
                                at,
                                decisionId,
                                influenceId,
                                memberId,
                                kind,
                                contributionId,
                                reflectionId,
                                note),
                        recordedAt);
            });
        });
    }

    private void retractInfluence() {
        pickRetractable(influences).ifPresent(influence -> {
            influence.retracted = true;
            add(
                    new InfluenceRetracted(
                            projectId, now, influenceDecisions.get(influence.id), influence.id, "recorded in error"),
                    retractionRecordedAt(influence));
        });
    }

    private void retractContribution() {
        pickRetractable(contributions).ifPresent(contribution -> {
            contribution.retracted = true;
            add(
                    new ContributionRetracted(projectId, now, contribution.id, "miscoded"),
                    retractionRecordedAt(contribution));
        });
    }

    private void make() {
        pick(decisionIds(), id -> decisions.get(id).madeAt == null).ifPresent(decisionId -> {
            List<String> active = active(now);
            List<String> deciders =
                    active.stream().filter(id -> random.nextInt(3) == 0).toList();
            List<String> decidedBy = deciders.isEmpty() ? List.of(active.get(0)) : deciders;
            decisions.get(decisionId).madeAt = now;
            add(new DecisionMade(
                    projectId,
                    now,
                    decisionId,
                    "Outcome of " + decisionId,
                    pickOne(DecisionMethod.values()),
                    decidedBy));
        });
    }

    private void revise() {
        pick(decisionIds(), id -> decisions.get(id).madeAt != null)
                .ifPresent(decisionId -> add(new DecisionRevised(
                        projectId, now, decisionId, "Revised outcome " + random.nextInt(1000), "second thoughts")));
    }

    private void reflect() {
        pick(active(now), id -> true).ifPresent(memberId -> {
            String reflectionId = "r-" + reflections.size();
            reflections.add(reflectionId);
            String decisionId =
                    random.nextBoolean() ? pick(decisionIds(), id -> true).orElse(null) : null;
            add(new ReflectionWritten(
                    projectId,
                    now,
                    reflectionId,
                    memberId,
                    "Thoughts " + reflectionId,
                    pickOne(Visibility.values()),
                    decisionId,
                    null));
        });
    }

    /** A member on the team withdraws, keeping at least two who have not. */
    private void withdraw() {
        List<String> active = active(now);
        if (active.size() > 2) {
            String memberId = active.get(random.nextInt(active.size()));
            withdrawals.put(memberId, withdrawals.size() + 1);
            add(new ConsentWithdrawn(
                    projectId, now, memberId, random.nextBoolean() ? WithdrawalScope.ALL : WithdrawalScope.TEXT));
        }
    }

    // ---- helpers

    private void add(ProjectEvent event) {
        add(event, recordedAt(event.occurredAt()));
    }

    private void add(ProjectEvent event, Instant recordedAt) {
        String eventId = UUID.nameUUIDFromBytes((projectId + "#" + lines.size()).getBytes(StandardCharsets.UTF_8))
                .toString();
        lines.add(new Line(event, eventId, recordedAt));
    }

    /** Mostly within hours, sometimes days, sometimes weeks late. */
    private Instant recordedAt(Instant occurredAt) {
        int dice = random.nextInt(100);
        Duration delay;
        if (dice < 15) {
            delay = Duration.ZERO;
        } else if (dice < 60) {
            delay = Duration.ofMinutes(random.nextInt(240));
        } else if (dice < 85) {
            delay = Duration.ofHours(1 + random.nextInt(120));
        } else {
            delay = Duration.ofDays(7 + random.nextInt(50));
        }
        return occurredAt.plus(delay);
    }

    /** After the retracted item was recorded, and not before the retraction occurred. */
    private Instant retractionRecordedAt(Retractable target) {
        Instant earliest = target.recordedAt.isAfter(now) ? target.recordedAt : now;
        return recordedAt(earliest).plusSeconds(1);
    }

    private boolean isMemberAt(String memberId, Instant t) {
        for (Instant[] membership : memberships.get(memberId)) {
            if (!t.isBefore(membership[0]) && (membership[1] == null || t.isBefore(membership[1]))) {
                return true;
            }
        }
        return false;
    }

    /** The members on the team at t who have not withdrawn consent. */
    private List<String> active(Instant t) {
        return memberships.keySet().stream()
                .filter(id -> isMemberAt(id, t) && !withdrawals.containsKey(id))
                .toList();
    }

    /** A whole second in [from, until]. */
    private Instant between(Instant from, Instant until) {
        long seconds = Duration.between(from, until).getSeconds();
        return seconds <= 0 ? until : from.plusSeconds((long) (random.nextDouble() * (seconds + 1)));
    }

    private <T> Optional<T> pick(List<T> from, Predicate<T> allowed) {
        List<T> candidates = from.stream().filter(allowed).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private Optional<Retractable> pickRetractable(List<Retractable> from) {
        return pick(from, item -> !item.retracted);
    }

    private <T> T pickOne(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String role() {
        return ROLES.get(random.nextInt(ROLES.size()));
    }

    private List<String> perspectives() {
        List<String> shuffled = new ArrayList<>(PERSPECTIVES);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(3)));
    }

    /**
     * The times worth asking at, on one axis: every occurredAt (for asOf) or every recordedAt (for
     * knownAt) of the history, and a moment before and after it all. Asking exactly at them and
     * just before them probes every boundary.
     */
    public List<Instant> moments(Function<Line, Instant> axis) {
        Set<Instant> moments = new HashSet<>();
        lines().forEach(line -> moments.add(axis.apply(line)));
        List<Instant> sorted = new ArrayList<>(moments);
        sorted.sort(null);
        sorted.add(0, sorted.get(0).minus(Duration.ofDays(1)));
        sorted.add(sorted.get(sorted.size() - 1).plus(Duration.ofDays(60)));
        return sorted;
    }

    /** At a moment, a nanosecond before it, or up to a day after it: every boundary gets probed. */
    public static Instant pickTime(Random random, List<Instant> moments) {
        Instant moment = moments.get(random.nextInt(moments.size()));
        return switch (random.nextInt(4)) {
            case 0 -> moment.minusNanos(1);
            case 1 -> moment.plusSeconds(random.nextInt(86_400));
            default -> moment;
        };
    }

    /**
     * Imports lines [from, until) of every history as one file, fileName in dir: each project's
     * lines stay in their order; which project comes next is random.
     */
    public static void importInterleaved(
            JsonLinesImporter importer,
            Path dir,
            List<GeneratedHistory> histories,
            ToIntFunction<GeneratedHistory> from,
            ToIntFunction<GeneratedHistory> until,
            Random shuffle,
            String fileName)
            throws IOException {
        List<Integer> next = new ArrayList<>();
        for (GeneratedHistory history : histories) {
            next.add(from.applyAsInt(history));
        }
        List<String> lines = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int slot = shuffle.nextInt(open.size());
            int h = open.get(slot);
            GeneratedHistory history = histories.get(h);
            if (next.get(h) >= until.applyAsInt(history)) {
                open.remove(slot);
                continue;
            }
            lines.add(json(history.lines().get(next.get(h))));
            next.set(h, next.get(h) + 1);
        }
        Path file = dir.resolve(fileName);
        Files.write(file, lines, StandardCharsets.UTF_8);
        try {
            importer.importFile(file, ImportProgress.NONE);
        } catch (ImportRejectedException e) {
            fail("the generated histories were refused: " + e.errors());
        }
    }
}
