package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The project's phases in order, each from its start to the next one's: a date falls in phase P
 * when P's start <= it < the next phase's start. Earlier dates are before the first phase.
 */
public final class PhaseCalendar {

    /** The key of the bucket of things that happened before the first phase started. */
    public static final String BEFORE_FIRST_PHASE = "before-first-phase";

    /** A phase and its period; {@code end} (exclusive) is null for the phase still running. */
    public record Span(String phaseId, String name, Instant start, Instant end) {

        public boolean contains(Instant t) {
            return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
        }
    }

    private final List<Span> spans;

    public PhaseCalendar(Collection<PhaseStart> starts) {
        List<PhaseStart> sorted = new ArrayList<>(starts);
        sorted.sort(null);
        List<Span> built = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            PhaseStart start = sorted.get(i);
            Instant end = i + 1 < sorted.size() ? sorted.get(i + 1).occurredAt() : null;
            built.add(new Span(start.phaseId(), start.name(), start.occurredAt(), end));
        }
        this.spans = List.copyOf(built);
    }

    public List<Span> spans() {
        return spans;
    }

    /** The period before the first phase (everything, when no phase has started). */
    public Span beforeFirstPhase() {
        return new Span(
                BEFORE_FIRST_PHASE,
                "Before the first phase",
                null,
                spans.isEmpty() ? null : spans.get(0).start());
    }

    /** The phase with this id, or the before-first-phase bucket for its key. */
    public Optional<Span> find(String phaseId) {
        if (BEFORE_FIRST_PHASE.equals(phaseId)) {
            return Optional.of(beforeFirstPhase());
        }
        return spans.stream().filter(span -> span.phaseId().equals(phaseId)).findFirst();
    }

    /** The phase {@code t} falls in, or the before-first-phase bucket. */
    public Span at(Instant t) {
        Span found = beforeFirstPhase();
        for (Span span : spans) {
            if (span.start().isAfter(t)) {
                break;
            }
            found = span;
        }
        return found;
    }
}
