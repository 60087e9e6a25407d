package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.DecisionEvent;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.Gripp2Topic;
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
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.fold.query.DecisionFacts.Discussion;
import org.coproduction.timeline.fold.query.DecisionFacts.Influence;
import org.coproduction.timeline.fold.query.DecisionFacts.Made;
import org.coproduction.timeline.fold.query.DecisionFacts.Proposal;
import org.coproduction.timeline.fold.query.DecisionFacts.Revision;

/**
 * One project's history as the record stood at {@code knownAt}: a fold of its events in recorded
 * order, one pass, keeping compact facts (never the text of reflections). Events recorded after
 * knownAt are skipped; a retraction recorded by then removes its item at every valid time. The
 * valid-time view (asOf) is taken when asked, because an event recorded late can still have
 * occurred early.
 */
public final class ProjectHistory {

    public record Meeting(
            String meetingId, String title, MeetingKind kind, List<String> attendees, Instant occurredAt, long order)
            implements DecisionFacts.Fact {}

    public record Contribution(
            String contributionId,
            String meetingId,
            String memberId,
            IpaCategory category,
            String decisionId,
            Instant occurredAt,
            long order)
            implements DecisionFacts.Fact {}

    /** A reflection without its text: who wrote it, when, whether it is private, what it points at. */
    public record Reflection(
            String reflectionId,
            String authorId,
            Visibility visibility,
            String decisionId,
            String meetingId,
            Instant occurredAt,
            Instant recordedAt,
            String eventId,
            long order)
            implements DecisionFacts.Fact {}

    /** The codes one ReflectionCoded event gave a reflection: themes only, never its text. */
    public record Coding(String reflectionId, List<String> codes, String codedBy, Instant occurredAt, long order)
            implements DecisionFacts.Fact {

        public Coding {
            codes = List.copyOf(codes);
        }
    }

    /**
     * A coded passage of a text as of a date: the characters from {@code start} up to {@code end}
     * (Unicode code points) of a reflection's text or an interview's summary, the codes its latest
     * coding gave it, who gave them and when. Offsets and codes only, never the words.
     */
    public record Passage(
            PassageSource source,
            String sourceId,
            int start,
            int end,
            List<String> codes,
            String codedBy,
            Instant occurredAt) {

        public Passage {
            codes = List.copyOf(codes);
        }
    }

    /** One PassageCoded, with its place in the stream. */
    private record PassageCoding(Passage passage, long order) {}

    /** The team's answer to a GRIPP2 topic, as one Gripp2ItemWritten wrote it. */
    public record Gripp2Written(
            Gripp2Topic item, String text, List<String> authors, Instant occurredAt, String eventId) {

        public Gripp2Written {
            authors = List.copyOf(authors);
        }
    }

    private final Instant knownAt;
    private String title;
    private String description;
    private String registrationEventId;
    private Instant registeredAt;
    private Instant closedAt;
    private final List<PhaseStart> phases = new ArrayList<>();
    private final List<MemberChange> memberChanges = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private final Map<String, Contribution> contributions = new LinkedHashMap<>();
    private final Set<String> retractedContributions = new HashSet<>();
    private final Map<String, List<Contribution>> discussionsByDecision = new HashMap<>();
    private final Map<String, DecisionRecord> decisions = new LinkedHashMap<>();
    private final Set<String> retractedInfluences = new HashSet<>();
    private final Set<String> decisionsHeld = new HashSet<>();
    private final Map<String, Reflection> reflections = new LinkedHashMap<>();
    private final Map<String, List<Coding>> codings = new HashMap<>();
    private final List<PassageCoding> passageCodings = new ArrayList<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final Set<String> excluded = new HashSet<>();
    /** An interview without its summary (personal text, not kept): who was interviewed, by whom, when, and its codes. */
    public record Interview(
            String interviewId, String intervieweeId, String interviewerId, Instant occurredAt, List<String> codes) {

        public Interview {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }
    }

    /** A change to the codebook, with the event that recorded it. */
    public record CodebookChange(CodebookEvent event, String eventId, long order) {}

    private final List<CodebookChange> codebook = new ArrayList<>();

    private final List<Interview> interviews = new ArrayList<>();
    private final List<Gripp2Written> gripp2Written = new ArrayList<>();
    private long events;
    private Instant firstRecordedAt;
    private Instant lastRecordedAt;

    public ProjectHistory(Instant knownAt) {
        this.knownAt = knownAt;
    }

    public Instant knownAt() {
        return knownAt;
    }

    /** Adds the event unless it was recorded after knownAt; {@code order} is its place in the stream. */
    public void add(ProjectEvent event, Instant recordedAt, String eventId, long order) {
        if (event instanceof DecisionEvent decisionEvent) {
            decisionsHeld.add(decisionEvent.decisionId());
        }
        if (recordedAt.isAfter(knownAt)) {
            return;
        }
        events++;
        if (firstRecordedAt == null || recordedAt.isBefore(firstRecordedAt)) {
            firstRecordedAt = recordedAt;
        }
        if (lastRecordedAt == null || recordedAt.isAfter(lastRecordedAt)) {
            lastRecordedAt = recordedAt;
        }
        Instant at = event.occurredAt();
        if (event instanceof ProjectRegistered e) {
            title = e.title();
            description = e.description();
            registrationEventId = eventId;
            registeredAt = at;
        } else if (event instanceof ProjectClosed) {
            closedAt = at;
        } else if (event instanceof PhaseStarted e) {
            phases.add(new PhaseStart(e.phaseId(), e.name(), at, order));
        } else if (event instanceof MemberJoined e) {
            memberChanges.add(new MemberChange(
                    e.memberId(), MemberChange.Kind.JOINED, e.name(), e.role(), e.perspectives(), at, order));
        } else if (event instanceof MemberRoleChanged e) {
            memberChanges.add(new MemberChange(
                    e.memberId(), MemberChange.Kind.CHANGED, null, e.role(), e.perspectives(), at, order));
        } else if (event instanceof MemberLeft e) {
            memberChanges.add(new MemberChange(e.memberId(), MemberChange.Kind.LEFT, null, null, null, at, order));
        } else if (event instanceof MeetingHeld e) {
            meetings.add(new Meeting(e.meetingId(), e.title(), e.kind(), e.attendees(), at, order));
        } else if (event instanceof ContributionRecorded e) {
            Contribution contribution = new Contribution(
                    e.contributionId(), e.meetingId(), e.memberId(), e.category(), e.decisionId(), at, order);
            contributions.put(e.contributionId(), contribution);
            if (e.decisionId() != null) {
                discussionsByDecision
                        .computeIfAbsent(e.decisionId(), id -> new ArrayList<>())
                        .add(contribution);
            }
        } else if (event instanceof ContributionRetracted e) {
            retractedContributions.add(e.contributionId());
        } else if (event instanceof DecisionProposed e) {
            decision(e.decisionId()).proposal = new Proposal(e.title(), e.proposedBy(), at, recordedAt, eventId, order);
        } else if (event instanceof DecisionMade e) {
            decision(e.decisionId()).made =
                    new Made(e.outcome(), e.method(), e.decidedBy(), at, recordedAt, eventId, order);
        } else if (event instanceof DecisionRevised e) {
            decision(e.decisionId()).revisions.add(new Revision(e.outcome(), at, recordedAt, eventId, order));
        } else if (event instanceof InfluenceRecorded e) {
            decision(e.decisionId())
                    .influences
                    .add(new Influence(
                            e.influenceId(),
                            e.memberId(),
                            e.kind(),
                            e.contributionId(),
                            e.reflectionId(),
                            e.note(),
                            at,
                            recordedAt,
                            eventId,
                            order));
        } else if (event instanceof InfluenceRetracted e) {
            retractedInfluences.add(e.influenceId());
        } else if (event instanceof ReflectionWritten e) {
            reflections.put(
                    e.reflectionId(),
                    new Reflection(
                            e.reflectionId(),
                            e.authorId(),
                            e.visibility(),
                            e.decisionId(),
                            e.meetingId(),
                            at,
                            recordedAt,
                            eventId,
                            order));
        } else if (event instanceof InterviewRecorded e) {
            interviews.add(new Interview(e.interviewId(), e.intervieweeId(), e.interviewerId(), at, e.codes()));
        } else if (event instanceof Gripp2ItemWritten e) {
            gripp2Written.add(new Gripp2Written(e.item(), e.text(), e.authors(), at, eventId));
        } else if (event instanceof ConsentWithdrawn e) {
            withdrawn.add(e.memberId());
            if (e.scope() == WithdrawalScope.ALL) {
                excluded.add(e.memberId());
            }
        } else if (event instanceof ReflectionCoded e) {
            codings.computeIfAbsent(e.reflectionId(), id -> new ArrayList<>())
                    .add(new Coding(e.reflectionId(), e.codes(), e.codedBy(), at, order));
        } else if (event instanceof PassageCoded e) {
            passageCodings.add(new PassageCoding(
                    new Passage(e.source(), e.sourceId(), e.start(), e.end(), e.codes(), e.codedBy(), at), order));
        } else if (event instanceof CodebookEvent e) {
            codebook.add(new CodebookChange(e, eventId, order));
        }
    }

    /** How many events recorded by knownAt were added. */
    public long events() {
        return events;
    }

    /** The earliest recorded time of the events added, or null when none was. */
    public Instant firstRecordedAt() {
        return firstRecordedAt;
    }

    /** The latest recorded time of the events added, or null when none was. */
    public Instant lastRecordedAt() {
        return lastRecordedAt;
    }

    /**
     * The reflection's codes as of asOf: those of its latest coding by then (a later coding
     * replaces an earlier one, as a coder revising their themes would), empty when it was not
     * coded.
     */
    public List<String> codes(String reflectionId, Instant asOf) {
        Coding latest = coding(reflectionId, asOf);
        return latest == null ? List.of() : latest.codes();
    }

    /**
     * The reflection's coding in force as of asOf, with its coder and date: its latest by then (by
     * occurredAt, then in the order recorded) by a coder not left out by a withdrawal; null when none.
     */
    public Coding coding(String reflectionId, Instant asOf) {
        Coding latest = null;
        for (Coding coding : codings.getOrDefault(reflectionId, List.of())) {
            if (!coding.occurredAt().isAfter(asOf)
                    && !excluded.contains(coding.codedBy())
                    && (latest == null || DecisionFacts.IN_ORDER.compare(coding, latest) > 0)) {
                latest = coding;
            }
        }
        return latest;
    }

    /**
     * The coded passages as of asOf: of each source, sourceId, start and end, its latest coding by
     * then (by occurredAt, then in the order recorded), less those whose latest coding has no code.
     * Codings by a member withdrawn from everything are left out, as are passages of a text whose
     * author or interviewee was; in order of source, sourceId, start and end.
     */
    public List<Passage> passages(Instant asOf) {
        record Key(PassageSource source, String sourceId, int start, int end) {}
        Map<Key, PassageCoding> latest = new HashMap<>();
        for (PassageCoding coding : passageCodings) {
            Passage p = coding.passage();
            if (p.occurredAt().isAfter(asOf) || excluded.contains(p.codedBy()) || textExcluded(p)) {
                continue;
            }
            latest.merge(new Key(p.source(), p.sourceId(), p.start(), p.end()), coding, (before, now) -> {
                int byTime =
                        now.passage().occurredAt().compareTo(before.passage().occurredAt());
                return byTime > 0 || (byTime == 0 && now.order() > before.order()) ? now : before;
            });
        }
        return latest.values().stream()
                .map(PassageCoding::passage)
                .filter(p -> !p.codes().isEmpty())
                .sorted(java.util.Comparator.comparing(Passage::source)
                        .thenComparing(Passage::sourceId)
                        .thenComparingInt(Passage::start)
                        .thenComparingInt(Passage::end))
                .toList();
    }

    private boolean textExcluded(Passage p) {
        if (excluded.isEmpty()) {
            return false;
        }
        if (p.source() == PassageSource.REFLECTION) {
            Reflection reflection = reflections.get(p.sourceId());
            return reflection != null && excluded.contains(reflection.authorId());
        }
        return interviews.stream()
                .anyMatch(i -> i.interviewId().equals(p.sourceId()) && excluded.contains(i.intervieweeId()));
    }

    /** The title, or null while the registration is not yet known. */
    public String title() {
        return title;
    }

    /** The description given at registration, or null when there was none or it is not yet known. */
    public String description() {
        return description;
    }

    /** The id of the ProjectRegistered event, or null while it is not yet known. */
    public String registrationEventId() {
        return registrationEventId;
    }

    /** How many members' withdrawals of consent were recorded by knownAt. */
    public int withdrawals() {
        return withdrawn.size();
    }

    /** Whether the member's withdrawal of consent was recorded by knownAt (whatever date it took effect). */
    public boolean withdrew(String memberId) {
        return withdrawn.contains(memberId);
    }

    /**
     * The members whose withdrawal with scope ALL was recorded by knownAt: left out of every fact
     * this history gives, at every asOf.
     */
    public Exclusion exclusion() {
        return Exclusion.of(excluded);
    }

    /** How many interviews occurred by asOf (none of an excluded member). */
    public int interviews(Instant asOf) {
        return interviewsBy(asOf).size();
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public PhaseCalendar phases(Instant asOf) {
        return new PhaseCalendar(
                phases.stream().filter(p -> !p.occurredAt().isAfter(asOf)).toList());
    }

    public TeamHistory team(Instant asOf) {
        return new TeamHistory(memberChanges.stream()
                .filter(c -> !c.occurredAt().isAfter(asOf) && !excluded.contains(c.memberId()))
                .toList());
    }

    /** Meetings held by asOf, each with its attendees less excluded members. */
    public List<Meeting> meetings(Instant asOf) {
        Exclusion exclusion = exclusion();
        return meetings.stream()
                .filter(m -> !m.occurredAt().isAfter(asOf))
                .map(m -> exclusion.isEmpty()
                        ? m
                        : new Meeting(
                                m.meetingId(),
                                m.title(),
                                m.kind(),
                                exclusion.remaining(m.attendees()),
                                m.occurredAt(),
                                m.order()))
                .toList();
    }

    /** Contributions that occurred by asOf, less those retracted in the record and those of excluded members. */
    public List<Contribution> contributions(Instant asOf) {
        return contributions.values().stream()
                .filter(c -> !c.occurredAt().isAfter(asOf)
                        && !retractedContributions.contains(c.contributionId())
                        && !excluded.contains(c.memberId()))
                .toList();
    }

    public Contribution contribution(String contributionId) {
        Contribution contribution = contributions.get(contributionId);
        return contribution == null
                        || retractedContributions.contains(contributionId)
                        || excluded.contains(contribution.memberId())
                ? null
                : contribution;
    }

    /** The interviews that occurred by asOf (none of an excluded member), in the order recorded. */
    public List<Interview> interviewsBy(Instant asOf) {
        return interviews.stream()
                .filter(i -> !i.occurredAt().isAfter(asOf) && !excluded.contains(i.intervieweeId()))
                .toList();
    }

    /** The codebook's changes that occurred by asOf, by occurredAt then in the order recorded. */
    public List<CodebookChange> codebook(Instant asOf) {
        return codebook.stream()
                .filter(c -> !c.event().occurredAt().isAfter(asOf))
                .sorted(java.util.Comparator.comparing(
                                (CodebookChange c) -> c.event().occurredAt())
                        .thenComparingLong(CodebookChange::order))
                .toList();
    }

    public List<Reflection> reflections(Instant asOf) {
        return reflections.values().stream()
                .filter(r -> !r.occurredAt().isAfter(asOf) && !excluded.contains(r.authorId()))
                .toList();
    }

    /**
     * The team's answer to each GRIPP2 topic as of asOf: the latest written by then (by occurredAt,
     * then by its place in the stream, in which order they were added), its authors without a member
     * left out by a withdrawal.
     */
    public Map<Gripp2Topic, Gripp2Written> gripp2Written(Instant asOf) {
        Map<Gripp2Topic, Gripp2Written> latest = new java.util.EnumMap<>(Gripp2Topic.class);
        for (Gripp2Written written : gripp2Written) {
            if (written.occurredAt().isAfter(asOf)) {
                continue;
            }
            Gripp2Written before = latest.get(written.item());
            if (before == null || !written.occurredAt().isBefore(before.occurredAt())) {
                latest.put(written.item(), written);
            }
        }
        latest.replaceAll((item, written) -> new Gripp2Written(
                item,
                written.text(),
                written.authors().stream().filter(a -> !excluded.contains(a)).toList(),
                written.occurredAt(),
                written.eventId()));
        return latest;
    }

    public Reflection reflection(String reflectionId) {
        Reflection reflection = reflections.get(reflectionId);
        return reflection == null || excluded.contains(reflection.authorId()) ? null : reflection;
    }

    /** Whether the store holds the decision at all, whenever it was recorded. */
    public boolean holdsDecision(String decisionId) {
        return decisionsHeld.contains(decisionId);
    }

    /**
     * The decision's facts visible as of asOf; everything null or empty if none are. Contributions
     * naming it count as discussions even while none of its own events is known.
     */
    public DecisionFacts decision(String decisionId, Instant asOf) {
        DecisionRecord record = decisions.get(decisionId);
        return exclusion().facts((record == null ? new DecisionRecord(decisionId) : record).asOf(asOf));
    }

    /** Every decision with a fact visible as of asOf, in the order first recorded. */
    public List<DecisionFacts> decisions(Instant asOf) {
        List<DecisionFacts> visible = new ArrayList<>();
        Exclusion exclusion = exclusion();
        for (DecisionRecord record : decisions.values()) {
            DecisionFacts facts = exclusion.facts(record.asOf(asOf));
            if (facts.proposal() != null
                    || facts.made() != null
                    || !facts.revisions().isEmpty()
                    || !facts.influences().isEmpty()) {
                visible.add(facts);
            }
        }
        return visible;
    }

    private DecisionRecord decision(String decisionId) {
        return decisions.computeIfAbsent(decisionId, DecisionRecord::new);
    }

    private final class DecisionRecord {
        final String decisionId;
        Proposal proposal;
        Made made;
        final List<Revision> revisions = new ArrayList<>();
        final List<Influence> influences = new ArrayList<>();

        DecisionRecord(String decisionId) {
            this.decisionId = decisionId;
        }

        DecisionFacts asOf(Instant asOf) {
            List<Discussion> discussions = new ArrayList<>();
            for (Contribution c : discussionsByDecision.getOrDefault(decisionId, List.of())) {
                if (!c.occurredAt().isAfter(asOf) && !retractedContributions.contains(c.contributionId())) {
                    discussions.add(new Discussion(c.contributionId(), c.memberId(), c.occurredAt(), c.order()));
                }
            }
            return new DecisionFacts(
                    decisionId,
                    proposal != null && !proposal.occurredAt().isAfter(asOf) ? proposal : null,
                    made != null && !made.occurredAt().isAfter(asOf) ? made : null,
                    revisions.stream()
                            .filter(r -> !r.occurredAt().isAfter(asOf))
                            .toList(),
                    influences.stream()
                            .filter(i ->
                                    !i.occurredAt().isAfter(asOf) && !retractedInfluences.contains(i.influenceId()))
                            .toList(),
                    discussions);
        }
    }
}
