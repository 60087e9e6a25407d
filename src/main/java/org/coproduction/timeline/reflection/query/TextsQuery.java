package org.coproduction.timeline.reflection.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.SealedTexts;
import org.coproduction.timeline.fold.query.SealedTexts.Sealed;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.stereotype.Component;

/**
 * The texts one member may read, to code their passages (docs/codebook.md): the team's reflections,
 * their own private ones and the interviews' summaries, as of a date as known at a time, each opened
 * as the timeline opens it ({@link Sealing#read}: a private reflection for its author alone, nothing
 * of a member who withdrew consent), with its whole-text codes and its coded passages. Offsets are
 * Unicode code points; a passage reaching beyond its text (an imported line) is read as ending at
 * the text's end.
 */
@Component
public class TextsQuery {

    /** One coded passage of a text. */
    public record Passage(int start, int end, List<String> codes, String codedBy, Instant occurredAt) {}

    /**
     * A text: {@code memberId} and {@code by} name its author or interviewee; {@code visibility} is a
     * reflection's (null for an interview).
     */
    public record Text(
            PassageSource source,
            String sourceId,
            String memberId,
            String by,
            Visibility visibility,
            Instant occurredAt,
            String text,
            List<String> codes,
            List<Passage> passages) {}

    public record Texts(String projectId, Instant asOf, Instant knownAt, List<Text> texts) {}

    /** A text's sealed value as the store holds it, with the id of its event (its associated data). */
    /** The history and, by source id, the sealed texts it does not keep, from one pass over the store. */
    private record Read(ProjectHistory history, SealedTexts texts) {}

    private final ProjectHistoryReader histories;
    private final Sealing sealing;

    TextsQuery(ProjectHistoryReader histories, Sealing sealing) {
        this.histories = histories;
        this.sealing = sealing;
    }

    /** The texts {@code reader} (the asking account's member in the project, or null) may read. */
    public Texts texts(String projectId, PointInTime at, String reader) {
        Instant asOf = at.asOf();
        Read read = read(projectId, at.knownAt());
        ProjectHistory history = read.history();
        TeamHistory team = history.team(asOf);
        Map<String, List<ProjectHistory.Passage>> passages = new HashMap<>();
        history.passages(asOf)
                .forEach(p -> passages.computeIfAbsent(p.source() + "/" + p.sourceId(), k -> new ArrayList<>())
                        .add(p));
        List<Text> texts = new ArrayList<>();
        for (ProjectHistory.Reflection r : history.reflections(asOf)) {
            read.texts()
                    .reflection(r.reflectionId())
                    .flatMap(stored -> sealing.readText(
                            projectId, r.authorId(), stored.eventId(), stored.value(), r.visibility(), reader))
                    .ifPresent(text -> texts.add(text(
                            PassageSource.REFLECTION,
                            r.reflectionId(),
                            r.authorId(),
                            team,
                            asOf,
                            r.visibility(),
                            r.occurredAt(),
                            text,
                            history.codes(r.reflectionId(), asOf),
                            passages)));
        }
        for (ProjectHistory.Interview i : history.interviewsBy(asOf)) {
            read.texts()
                    .interview(i.interviewId())
                    .flatMap(stored -> sealing.readText(
                            projectId, i.intervieweeId(), stored.eventId(), stored.value(), null, reader))
                    .ifPresent(text -> texts.add(text(
                            PassageSource.INTERVIEW,
                            i.interviewId(),
                            i.intervieweeId(),
                            team,
                            asOf,
                            null,
                            i.occurredAt(),
                            text,
                            i.codes(),
                            passages)));
        }
        texts.sort(Comparator.comparing(Text::occurredAt)
                .thenComparing(Text::source)
                .thenComparing(Text::sourceId));
        return new Texts(projectId, asOf, history.knownAt(), texts);
    }

    /**
     * The text of a reflection or interview as {@code reader} may read it, to hold a passage to it:
     * 404 on {@code sourceId} when it is not recorded, or is a private reflection that is not the
     * reader's (the same answer, so that it tells nothing of a diary the reader may not read); 409
     * when its member withdrew consent (it no longer opens); empty for an interview without summary,
     * which the rules refuse. Read from the record as it stands, everything recorded.
     */
    public Optional<String> textToCode(String projectId, PassageSource source, String sourceId, String reader) {
        Read read = read(projectId, Instant.MAX);
        ProjectHistory history = read.history();
        String kind = source == PassageSource.REFLECTION ? "reflection " : "interview ";
        RuleViolationException absent = RuleViolationException.notFound(
                "sourceId", kind + sourceId + " is not recorded, or is not yours to read");
        String memberId;
        Visibility visibility = null;
        Optional<Sealed> sealed;
        if (source == PassageSource.REFLECTION) {
            ProjectHistory.Reflection reflection = history.reflection(sourceId);
            if (reflection == null) {
                throw absent;
            }
            memberId = reflection.authorId();
            visibility = reflection.visibility();
            sealed = read.texts().reflection(sourceId);
        } else {
            memberId = history.interviewsBy(Instant.MAX).stream()
                    .filter(i -> i.interviewId().equals(sourceId))
                    .map(ProjectHistory.Interview::intervieweeId)
                    .findFirst()
                    .orElseThrow(() -> absent);
            sealed = read.texts().interview(sourceId);
        }
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Sealing.Reading reading = sealing.read(
                        projectId,
                        memberId,
                        sealed.get().eventId(),
                        sealed.get().value(),
                        visibility,
                        reader)
                .orElseThrow(() -> absent);
        if (reading.withdrawn()) {
            throw RuleViolationException.conflict(
                    "sourceId", "the text of " + kind + sourceId + " was withdrawn with its member's consent");
        }
        return Optional.of(reading.text());
    }

    /** The number of characters (Unicode code points) of a text, the unit passages are counted in. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private Read read(String projectId, Instant knownAt) {
        SealedTexts texts = new SealedTexts(knownAt);
        return new Read(histories.read(projectId, knownAt, texts), texts);
    }

    private static Text text(
            PassageSource source,
            String sourceId,
            String memberId,
            TeamHistory team,
            Instant asOf,
            Visibility visibility,
            Instant occurredAt,
            String text,
            List<String> codes,
            Map<String, List<ProjectHistory.Passage>> passages) {
        int length = length(text);
        List<Passage> within = passages.getOrDefault(source + "/" + sourceId, List.of()).stream()
                .filter(p -> p.start() < length)
                .map(p -> new Passage(p.start(), Math.min(p.end(), length), p.codes(), p.codedBy(), p.occurredAt()))
                .sorted(Comparator.comparingInt(Passage::start).thenComparingInt(Passage::end))
                .toList();
        String by = team.at(memberId, asOf).map(MemberState::name).orElse(memberId);
        return new Text(source, sourceId, memberId, by, visibility, occurredAt, text, codes, within);
    }
}
