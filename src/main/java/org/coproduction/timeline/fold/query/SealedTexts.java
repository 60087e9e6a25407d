package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.ProjectEvent;

/**
 * The texts of a project's reflections and interview summaries as stored (sealed), gathered in the
 * same pass over its events as its history ({@link ProjectHistoryReader#read(String, Instant,
 * ProjectHistoryReader.Listener)}): by reflection or interview id, with the id of the event that holds
 * each, which the text is sealed with. Nothing is opened here: a caller opens what its reader may read
 * ({@code Sealing.read}).
 */
public final class SealedTexts implements ProjectHistoryReader.Listener {

    /** A text as stored, and the id of the event that holds it. */
    public record Sealed(String eventId, String value) {}

    private final Instant knownAt;
    private final Map<String, Sealed> reflections = new HashMap<>();
    private final Map<String, Sealed> interviews = new HashMap<>();

    /** Gathers the texts recorded by {@code knownAt}. */
    public SealedTexts(Instant knownAt) {
        this.knownAt = knownAt;
    }

    @Override
    public void add(ProjectEvent event, Instant recordedAt, String eventId, long order) {
        if (recordedAt.isAfter(knownAt)) {
            return; // not yet known then
        }
        if (event instanceof ReflectionWritten r) {
            reflections.put(r.reflectionId(), new Sealed(eventId, r.text()));
        } else if (event instanceof InterviewRecorded i) {
            interviews.put(i.interviewId(), new Sealed(eventId, i.summary()));
        }
    }

    /** The reflection's text; empty for a reflection not recorded by knownAt, or without text. */
    public Optional<Sealed> reflection(String reflectionId) {
        return Optional.ofNullable(reflections.get(reflectionId)).filter(text -> text.value() != null);
    }

    /** The interview's summary; empty for an interview not recorded by knownAt, or without summary. */
    public Optional<Sealed> interview(String interviewId) {
        return Optional.ofNullable(interviews.get(interviewId)).filter(text -> text.value() != null);
    }
}
