package org.coproduction.timeline.privacy;

import java.util.Optional;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.springframework.stereotype.Component;

/**
 * Which fields of which events hold personal text, each under the key of the member it is by or
 * about, and the one place they are sealed and opened:
 *
 * <ul>
 *   <li>a member's name ({@code MemberJoined.name}), a turn's summary ({@code
 *       ContributionRecorded.summary}), a transcribed turn's words ({@code TurnTranscribed.text})
 *       and an influence's note ({@code InfluenceRecorded.note}), under that member's key;
 *   <li>a reflection's text, under its author's key, and an interview's summary, under the
 *       interviewee's.
 * </ul>
 *
 * Events are sealed on their way into the store, by the commands' dispatch ({@link
 * SealingDispatchInterceptor}) and by the import, with the event's own id as associated data; what
 * is already sealed (a re-imported export) is kept as it is. Read models and the history fold take
 * events through {@link #shown}, which opens the names and notes the team sees and puts a withdrawn
 * member's pseudonym in place of their name.
 */
@Component
public class Sealing {

    private final PersonalText text;
    private final MemberKeys keys;
    private final WithdrawalsAfterImport withdrawalsAfterImport;

    Sealing(PersonalText text, MemberKeys keys, WithdrawalsAfterImport withdrawalsAfterImport) {
        this.text = text;
        this.keys = keys;
        this.withdrawalsAfterImport = withdrawalsAfterImport;
    }

    /**
     * A withdrawal of consent being stored destroys the member's key in the same transaction (a
     * withdrawal that is rolled back destroys nothing; one that is committed has destroyed it), so
     * their sealed text opens nowhere again. Called for every event a command stores.
     */
    public void stored(ProjectEvent event) {
        if (event instanceof ConsentWithdrawn withdrawn) {
            keys.destroy(withdrawn.projectId(), withdrawn.memberId());
        }
    }

    /**
     * As {@link #stored}, for every event an import stores: where a crash may still undo the import
     * after it has stored its events (an H2 file), the key waits for the import to commit instead
     * ({@link WithdrawalsAfterImport}), since a destroyed key cannot be made again.
     */
    public void storedByImport(ProjectEvent event) {
        if (event instanceof ConsentWithdrawn withdrawn) {
            withdrawalsAfterImport.stored(withdrawn);
        }
    }

    /**
     * Called once an import has committed and can no longer be undone, before it is answered:
     * destroys the keys of the members it withdrew, where they waited for the commit.
     */
    public void importCommitted() {
        withdrawalsAfterImport.destroyWaiting();
    }

    /** The event with its personal text sealed; the event itself when it holds none in the clear. */
    public ProjectEvent seal(ProjectEvent event, String eventId) {
        return seal(event, eventId, text::seal);
    }

    /**
     * As {@link #seal}, for an event of a store written before sealing, copied into its sealed
     * successor: the text of a member whose key was destroyed already is sealed under a key that is
     * forgotten at once, so that it opens nowhere, as if it had been sealed before the key went.
     */
    ProjectEvent sealForCopy(ProjectEvent event, String eventId) {
        try {
            return seal(event, eventId, text::seal);
        } catch (PersonalText.TextWithdrawnException withdrawn) {
            return seal(event, eventId, text::sealForNobody);
        }
    }

    /** Seals one member's text: (project, member, event id, text in the clear) to sealed text. */
    private interface Sealer {
        String seal(String projectId, String memberId, String eventId, String value);
    }

    private static ProjectEvent seal(ProjectEvent event, String eventId, Sealer sealer) {
        return personalField(event)
                .filter(field -> needsSealing(field.value()))
                .map(field ->
                        withField(event, sealer.seal(event.projectId(), field.memberId(), eventId, field.value())))
                .orElse(event);
    }

    /** Whether the event holds personal text in the clear (stored before sealing, or not yet sealed). */
    static boolean holdsTextInTheClear(ProjectEvent event) {
        return personalField(event).filter(field -> needsSealing(field.value())).isPresent();
    }

    /** Whether the event holds sealed personal text (its interchange line is then version 2). */
    public static boolean isSealed(ProjectEvent event) {
        return personalField(event)
                .filter(field -> PersonalText.isSealed(field.value()))
                .isPresent();
    }

    /**
     * The event as the team's views show it: a member's name opened, or their pseudonym once they
     * withdrew consent (also over a name stored in the clear before sealing); an influence's note
     * opened, or gone once its member withdrew. Other events, and the text only its readers may see
     * (reflections, interviews, turns' summaries: {@link #open}), are returned as they are.
     */
    public ProjectEvent shown(ProjectEvent event, String eventId) {
        if (event instanceof MemberJoined j) {
            return withName(j, name(j.projectId(), j.memberId(), eventId, j.name()));
        }
        if (event instanceof InfluenceRecorded f && f.note() != null) {
            return withNote(f, note(f.projectId(), f.memberId(), eventId, f.note()));
        }
        return event;
    }

    /**
     * A member's name as a read model keeps it (sealed as the event holds it, in the clear from a
     * store written before sealing, or their pseudonym once a withdrawal purged it), as the team
     * sees it: opened, or their pseudonym once their key is destroyed.
     */
    public String name(String projectId, String memberId, String eventId, String stored) {
        return open(projectId, memberId, eventId, stored).orElseGet(() -> withdrawnName(projectId, memberId));
    }

    /** An influence's note as a read model keeps it, opened for the team; null once its member withdrew. */
    public String note(String projectId, String memberId, String eventId, String stored) {
        return stored == null
                ? null
                : open(projectId, memberId, eventId, stored).orElse(null);
    }

    /**
     * A field's value as it may be read: opened when sealed, as it is when stored in the clear
     * before sealing, and empty once the member's key is destroyed (their consent withdrawn).
     */
    public Optional<String> open(String projectId, String memberId, String eventId, String value) {
        if (PersonalText.isSealed(value)) {
            return text.open(projectId, memberId, eventId, value);
        }
        return keys.isDestroyed(projectId, memberId) ? Optional.empty() : Optional.ofNullable(value);
    }

    /** A reflection's text or an interview's summary as one reader reads it: opened, or withdrawn. */
    public record Reading(String text, boolean withdrawn) {}

    /**
     * A reflection's text or an interview's summary as {@code reader} (the member the asking account
     * is in the project, or null) may read it: empty when it is not theirs to read (a {@code PRIVATE}
     * reflection's text is its author's alone); opened for the team otherwise, or withdrawn once the
     * member's key is destroyed (their consent withdrawn), for everyone. The timeline and the texts to
     * code read them so, and no other view does.
     *
     * @param visibility the reflection's, or null for an interview's summary
     */
    public Optional<Reading> read(
            String projectId, String memberId, String eventId, String value, Visibility visibility, String reader) {
        if (visibility == Visibility.PRIVATE && !memberId.equals(reader)) {
            return Optional.empty();
        }
        return Optional.of(open(projectId, memberId, eventId, value)
                .map(text -> new Reading(text, false))
                .orElseGet(() -> new Reading(null, true)));
    }

    /**
     * The text of {@link #read}, when {@code reader} may read it and it still opens: empty when it is
     * not theirs to read, or once its member's key is destroyed.
     */
    public Optional<String> readText(
            String projectId, String memberId, String eventId, String value, Visibility visibility, String reader) {
        return read(projectId, memberId, eventId, value, visibility, reader)
                .filter(reading -> !reading.withdrawn())
                .map(Reading::text);
    }

    /**
     * The pseudonym of a member who withdrew consent ("Withdrawn member 2": the second in the
     * project to withdraw), if they did.
     */
    public Optional<String> pseudonym(String projectId, String memberId) {
        return keys.withdrawalNumber(projectId, memberId).map(n -> "Withdrawn member " + n);
    }

    /**
     * The name a withdrawn member is shown by: their pseudonym ("Withdrawn member" alone should
     * their withdrawal number not be known yet).
     */
    public String withdrawnName(String projectId, String memberId) {
        return pseudonym(projectId, memberId).orElse("Withdrawn member");
    }

    /**
     * Whether a sealed value of a line being imported opens here, under the member's key: a line
     * sealed in another installation does not, and is refused rather than stored unreadable.
     */
    public boolean opensHere(ProjectEvent event, String eventId) {
        Optional<Personal> field = personalField(event).filter(f -> PersonalText.isSealed(f.value()));
        if (field.isEmpty()) {
            return true;
        }
        String memberId = field.get().memberId();
        if (keys.forReading(event.projectId(), memberId).isEmpty()) {
            return keys.isDestroyed(event.projectId(), memberId);
        }
        try {
            text.open(event.projectId(), memberId, eventId, field.get().value());
            return true;
        } catch (IllegalStateException doesNotOpen) {
            return false;
        }
    }

    /** A personal field's value and the member under whose key it is sealed. */
    private record Personal(String memberId, String value) {}

    /** The event's one field of personal text, if its type has one (this class's list above). */
    private static Optional<Personal> personalField(ProjectEvent event) {
        if (event instanceof ReflectionWritten r) {
            return Optional.of(new Personal(r.authorId(), r.text()));
        }
        if (event instanceof InterviewRecorded i) {
            return Optional.of(new Personal(i.intervieweeId(), i.summary()));
        }
        if (event instanceof MemberJoined j) {
            return Optional.of(new Personal(j.memberId(), j.name()));
        }
        if (event instanceof ContributionRecorded c) {
            return Optional.of(new Personal(c.memberId(), c.summary()));
        }
        if (event instanceof TurnTranscribed t) {
            return Optional.of(new Personal(t.memberId(), t.text()));
        }
        if (event instanceof InfluenceRecorded f) {
            return Optional.of(new Personal(f.memberId(), f.note()));
        }
        return Optional.empty();
    }

    /** The event with its field of personal text replaced by {@code value}. */
    private static ProjectEvent withField(ProjectEvent event, String value) {
        if (event instanceof ReflectionWritten r) {
            return withText(r, value);
        }
        if (event instanceof InterviewRecorded i) {
            return withSummary(i, value);
        }
        if (event instanceof MemberJoined j) {
            return withName(j, value);
        }
        if (event instanceof ContributionRecorded c) {
            return withSummary(c, value);
        }
        if (event instanceof TurnTranscribed t) {
            return new TurnTranscribed(t.projectId(), t.occurredAt(), t.meetingId(), t.turnId(), t.memberId(), value);
        }
        if (event instanceof InfluenceRecorded f) {
            return withNote(f, value);
        }
        throw new IllegalArgumentException(
                "no personal text in " + event.getClass().getSimpleName());
    }

    private static boolean needsSealing(String value) {
        return value != null && !PersonalText.isSealed(value);
    }

    private static ReflectionWritten withText(ReflectionWritten r, String text) {
        return new ReflectionWritten(
                r.projectId(),
                r.occurredAt(),
                r.reflectionId(),
                r.authorId(),
                text,
                r.visibility(),
                r.decisionId(),
                r.meetingId());
    }

    private static InterviewRecorded withSummary(InterviewRecorded i, String summary) {
        return new InterviewRecorded(
                i.projectId(),
                i.occurredAt(),
                i.interviewId(),
                i.intervieweeId(),
                i.interviewerId(),
                summary,
                i.codes());
    }

    private static MemberJoined withName(MemberJoined j, String name) {
        return new MemberJoined(j.projectId(), j.occurredAt(), j.memberId(), name, j.role(), j.perspectives());
    }

    private static ContributionRecorded withSummary(ContributionRecorded c, String summary) {
        return new ContributionRecorded(
                c.projectId(),
                c.occurredAt(),
                c.meetingId(),
                c.contributionId(),
                c.memberId(),
                c.category(),
                c.decisionId(),
                summary);
    }

    private static InfluenceRecorded withNote(InfluenceRecorded f, String note) {
        return new InfluenceRecorded(
                f.projectId(),
                f.occurredAt(),
                f.decisionId(),
                f.influenceId(),
                f.memberId(),
                f.kind(),
                f.contributionId(),
                f.reflectionId(),
                note);
    }
}
