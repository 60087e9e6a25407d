package org.coproduction.timeline.codebook.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.codebook.query.QdpxProject.Coding;
import org.coproduction.timeline.codebook.query.QdpxProject.Member;
import org.coproduction.timeline.codebook.query.QdpxProject.Source;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.SealedTexts;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.stereotype.Component;

/**
 * The project as a REFI-QDA project ({@link QdpxProject}) as of a date, as the record stood at
 * knownAt, for one reader: the members as the team sees them, the codebook as {@code /codebook.qdc}
 * answers it, the team's reflections and the interviews with a summary, with their codings. A
 * private reflection is in its author's export only; a text whose member withdrew consent does not
 * open and is left out; members withdrawn with scope ALL are not in it at all. One pass over the
 * project's events: the history's facts, and the sealed texts kept as the pass goes by.
 */
@Component
public class QdpxQuery {

    private final ProjectHistoryReader histories;
    private final Sealing sealing;

    QdpxQuery(ProjectHistoryReader histories, Sealing sealing) {
        this.histories = histories;
        this.sealing = sealing;
    }

    /** An interview's event as stored (its summary sealed), and the id it is stored under. */
    /** A transcribed turn as stored (its words sealed), the id it is stored under, and when recorded. */
    private record Turn(TurnTranscribed event, String eventId, Instant recordedAt) {}

    /**
     * The {@code .qdpx} file. {@code reader} is the member the asking account is in this project (null
     * when it is none): their private reflections are in it, nobody else's.
     */
    public byte[] export(String projectId, PointInTime at, String reader) {
        return QdpxProject.write(project(projectId, at, reader));
    }

    QdpxProject.Project project(String projectId, PointInTime at, String reader) {
        Instant asOf = at.asOf();
        SealedTexts texts = new SealedTexts(at.knownAt());
        Map<String, List<Turn>> turns = new HashMap<>();
        ProjectHistory history = histories.read(projectId, at.knownAt(), (event, recordedAt, eventId, order) -> {
            texts.add(event, recordedAt, eventId, order);
            if (event instanceof TurnTranscribed t) {
                turns.computeIfAbsent(t.meetingId(), m -> new ArrayList<>()).add(new Turn(t, eventId, recordedAt));
            }
        });

        Map<String, Member> members = members(projectId, history, asOf);
        List<Source> sources = new ArrayList<>();
        List<Coding> codings = new ArrayList<>();
        for (ProjectHistory.Reflection r : history.reflections(asOf)) {
            boolean isPrivate = r.visibility() == Visibility.PRIVATE;
            Optional<String> text = texts.reflection(r.reflectionId())
                    .flatMap(stored -> readable(projectId, r.authorId(), stored, r.visibility(), reader));
            if (text.isEmpty()) {
                continue;
            }
            Source source = new Source(
                    "reflection:" + r.reflectionId(),
                    (isPrivate ? "Private reflection " : "Reflection ") + r.reflectionId() + " by "
                            + name(members, r.authorId()) + ", " + day(r.occurredAt()),
                    reflectionDescription(r, isPrivate),
                    text.get(),
                    r.authorId(),
                    r.occurredAt(),
                    r.authorId());
            sources.add(source);
            ProjectHistory.Coding coding = history.coding(r.reflectionId(), asOf);
            if (coding != null && !coding.codes().isEmpty()) {
                codings.add(Coding.whole(source, coding.codes(), coding.codedBy(), coding.occurredAt()));
            }
        }
        for (ProjectHistory.Interview interview : history.interviewsBy(asOf)) {
            Optional<String> summary = texts.interview(interview.interviewId())
                    .flatMap(stored -> readable(projectId, interview.intervieweeId(), stored, null, reader));
            if (summary.isEmpty()) {
                continue;
            }
            String interviewer = interview.interviewerId();
            Source source = new Source(
                    "interview:" + interview.interviewId(),
                    "Interview " + interview.interviewId() + " with " + name(members, interview.intervieweeId()) + ", "
                            + day(interview.occurredAt()),
                    "Interview summary: " + name(members, interview.intervieweeId()) + " interviewed"
                            + (members.containsKey(interviewer) ? " by " + name(members, interviewer) : "") + " on "
                            + interview.occurredAt() + ".",
                    summary.get(),
                    interviewer,
                    interview.occurredAt(),
                    interview.intervieweeId());
            sources.add(source);
            if (!interview.codes().isEmpty()) {
                // An interview's codes are given with it: by its interviewer, when it took place.
                codings.add(Coding.whole(source, interview.codes(), interviewer, interview.occurredAt()));
            }
        }
        passages(history, asOf, sources, codings);
        transcripts(projectId, history, asOf, members, turns, sources, codings);
        sources.sort(Comparator.comparing(Source::createdAt));

        return new QdpxProject.Project(
                projectId,
                history.title(),
                history.description(),
                history.registeredAt(),
                at,
                history.lastRecordedAt() == null ? at.knownAt() : history.lastRecordedAt(),
                List.copyOf(members.values()),
                CodebookQuery.of(projectId, history, asOf),
                sources,
                codings);
    }

    /**
     * One source per meeting with a transcript by asOf, as the record stood at knownAt: each turn a
     * line, "Name: what they said", and each coded turn's words coded with its IPA category (the
     * turn's contribution, as it stands: not retracted). A turn whose speaker withdrew consent is left
     * out, and with scope ALL so is every trace of them.
     */
    private void transcripts(
            String projectId,
            ProjectHistory history,
            Instant asOf,
            Map<String, Member> members,
            Map<String, List<Turn>> turns,
            List<Source> sources,
            List<Coding> codings) {
        Map<String, ProjectHistory.Contribution> codingOf = codingsOfTurns(history, asOf, turns);
        for (ProjectHistory.Meeting meeting : history.meetings(asOf)) {
            StringBuilder text = new StringBuilder();
            List<Coding> coded = new ArrayList<>();
            String sourceId = "transcript:" + meeting.meetingId();
            for (Turn turn : turns.getOrDefault(meeting.meetingId(), List.of())) {
                TurnTranscribed t = turn.event();
                if (t.occurredAt().isAfter(asOf)
                        || turn.recordedAt().isAfter(history.knownAt())
                        || history.exclusion().excludes(t.memberId())) {
                    continue;
                }
                Optional<String> words =
                        readable(projectId, t.memberId(), new SealedTexts.Sealed(turn.eventId(), t.text()), null, null);
                if (words.isEmpty()) {
                    continue;
                }
                text.append(name(members, t.memberId())).append(": ");
                int start = text.codePointCount(0, text.length());
                text.append(words.get());
                int end = text.codePointCount(0, text.length());
                text.append('\n');
                Optional.ofNullable(codingOf.get(t.turnId()))
                        .ifPresent(c -> coded.add(new Coding(
                                sourceId, start, end, List.of(c.category().name()), t.memberId(), c.occurredAt())));
            }
            if (text.isEmpty()) {
                continue;
            }
            sources.add(new Source(
                    sourceId,
                    "Transcript of " + meeting.title() + ", " + day(meeting.occurredAt()),
                    "Meeting transcript, turn by turn; each coded turn's words carry its IPA category. Meeting "
                            + meeting.meetingId() + ", held " + meeting.occurredAt() + ".",
                    text.toString(),
                    null,
                    meeting.occurredAt(),
                    null));
            codings.addAll(coded);
        }
    }

    /**
     * The passages coded in the texts this export holds, each as a selection of its own range (an
     * imported passage running past its text ends at the text's end).
     */
    private static void passages(ProjectHistory history, Instant asOf, List<Source> sources, List<Coding> codings) {
        Map<String, Source> byId = new HashMap<>();
        sources.forEach(source -> byId.put(source.sourceId(), source));
        for (ProjectHistory.Passage passage : history.passages(asOf)) {
            Source source = byId.get(
                    (passage.source() == PassageSource.REFLECTION ? "reflection:" : "interview:") + passage.sourceId());
            if (source == null) {
                continue; // a text this reader may not read, or that no longer opens
            }
            int length = source.text().codePointCount(0, source.text().length());
            int end = Math.min(passage.end(), length);
            if (passage.start() < end) {
                codings.add(new Coding(
                        source.sourceId(),
                        passage.start(),
                        end,
                        passage.codes(),
                        passage.codedBy(),
                        passage.occurredAt()));
            }
        }
    }

    /**
     * Each turn's coding as it stands: the latest of its contributions ({@code <turnId>}, {@code
     * <turnId>:n}) that is not retracted.
     */
    private static Map<String, ProjectHistory.Contribution> codingsOfTurns(
            ProjectHistory history, Instant asOf, Map<String, List<Turn>> turns) {
        java.util.Set<String> turnIds = new java.util.HashSet<>();
        turns.values().forEach(list -> list.forEach(t -> turnIds.add(t.event().turnId())));
        Map<String, ProjectHistory.Contribution> standing = new HashMap<>();
        for (ProjectHistory.Contribution c : history.contributions(asOf)) {
            TurnTranscribed.turnCodedBy(c.contributionId(), turnIds::contains)
                    .ifPresent(turnId -> standing.merge(turnId, c, (a, b) -> a.order() > b.order() ? a : b));
        }
        return standing;
    }

    /**
     * A reflection's text or an interview's summary as {@code reader} may read it, by the rule the
     * timeline and the texts to code read them ({@link Sealing#read}: a private reflection for its
     * author alone); empty when there is none, when it is not theirs, or once its member's key is
     * destroyed.
     */
    private Optional<String> readable(
            String projectId, String memberId, SealedTexts.Sealed sealed, Visibility visibility, String reader) {
        return sealing.readText(projectId, memberId, sealed.eventId(), sealed.value(), visibility, reader)
                .filter(text -> !text.isEmpty());
    }
    /**
     * Every member who had joined by asOf (less those left out by a withdrawal), in the order they
     * first joined, as they were at asOf: a member who left is still a user of the texts they wrote.
     */
    private Map<String, Member> members(String projectId, ProjectHistory history, Instant asOf) {
        TeamHistory team = history.team(asOf);
        PhaseCalendar phases = history.phases(asOf);
        Map<String, Instant> joined = new LinkedHashMap<>();
        for (MemberChange change : team.changesBetween(null, null)) {
            if (change.kind() == MemberChange.Kind.JOINED) {
                joined.putIfAbsent(change.memberId(), change.occurredAt());
            }
        }
        Map<String, Member> members = new LinkedHashMap<>();
        joined.forEach((memberId, at) -> team.at(memberId, asOf)
                .ifPresent((MemberState state) -> members.put(
                        memberId,
                        new Member(
                                memberId,
                                state.name(),
                                sealing.pseudonym(projectId, memberId).isPresent(),
                                state.role(),
                                state.primaryPerspective(),
                                phases.at(at).name()))));
        return members;
    }

    private static String name(Map<String, Member> members, String memberId) {
        Member member = members.get(memberId);
        return member == null ? "a member no longer named" : member.name();
    }

    private static String reflectionDescription(ProjectHistory.Reflection r, boolean isPrivate) {
        StringBuilder description = new StringBuilder(
                isPrivate
                        ? "Diary reflection, private: in its author's export only."
                        : "Diary reflection, shared with the team.");
        if (r.decisionId() != null) {
            description.append(" About decision ").append(r.decisionId()).append('.');
        }
        if (r.meetingId() != null) {
            description.append(" About meeting ").append(r.meetingId()).append('.');
        }
        description
                .append(" Written ")
                .append(r.occurredAt())
                .append(", recorded ")
                .append(r.recordedAt())
                .append('.');
        return description.toString();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
