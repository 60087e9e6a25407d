package org.coproduction.timeline.codebook.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.IpaCode;
import org.coproduction.timeline.codebook.query.CodebookView.Status;
import org.coproduction.timeline.codebook.query.CodebookView.Usage;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.springframework.stereotype.Component;

/**
 * The codebook as of a date (docs/codebook.md), folded from the project's history as known at
 * knownAt: its changes that occurred by asOf, and the codings in force then of the reflections and
 * interviews that occurred by asOf. Merges are followed to the code merged into, however many
 * there were. Only codes and counts: no text of a reflection or interview is read.
 */
@Component
public class CodebookQuery {

    private final ProjectHistoryReader histories;

    CodebookQuery(ProjectHistoryReader histories) {
        this.histories = histories;
    }

    public CodebookView codebook(String projectId, PointInTime at) {
        return of(projectId, histories.read(projectId, at.knownAt()), at.asOf());
    }

    /** One code as the fold builds it. */
    private static final class Entry {
        final String code;
        String name;
        String description;
        String parent;
        boolean defined;
        boolean retired;
        String mergedInto;
        Instant definedAt;
        Instant changedAt;
        int given;
        int reflections;
        int interviews;
        final Map<String, Integer> byPerspective = new TreeMap<>();
        final Map<String, Integer> byPhase = new LinkedHashMap<>();
        final List<String> eventIds = new ArrayList<>();

        Entry(String code) {
            this.code = code;
        }

        String shown() {
            return name == null ? code : name;
        }
    }

    /** The codebook as of asOf from a history already read (the report reads one for all its parts). */
    public static CodebookView of(String projectId, ProjectHistory history, Instant asOf) {
        Map<String, Entry> codes = new LinkedHashMap<>();
        for (ProjectHistory.CodebookChange change : history.codebook(asOf)) {
            CodebookEvent event = change.event();
            if (event instanceof CodeDefined d) {
                Entry e = codes.computeIfAbsent(d.code(), Entry::new);
                e.name = d.name();
                e.description = d.description();
                e.parent = d.parent();
                e.defined = true;
                e.definedAt = d.occurredAt();
                changed(e, d.occurredAt(), change.eventId());
            } else if (event instanceof CodeRevised r) {
                Entry e = codes.computeIfAbsent(r.code(), Entry::new);
                e.name = r.name();
                e.description = r.description();
                e.parent = r.parent();
                changed(e, r.occurredAt(), change.eventId());
            } else if (event instanceof CodesMerged m) {
                for (String code : m.codes()) {
                    Entry e = codes.computeIfAbsent(code, Entry::new);
                    e.mergedInto = m.into();
                    changed(e, m.occurredAt(), change.eventId());
                }
                codes.computeIfAbsent(m.into(), Entry::new).eventIds.add(change.eventId());
            } else if (event instanceof CodeRetired t) {
                Entry e = codes.computeIfAbsent(t.code(), Entry::new);
                e.retired = true;
                changed(e, t.occurredAt(), change.eventId());
            }
        }

        TeamHistory team = history.team(asOf);
        PhaseCalendar phases = history.phases(asOf);
        Map<PassageSource, Map<String, Set<String>>> inPassages = new EnumMap<>(PassageSource.class);
        for (ProjectHistory.Passage passage : history.passages(asOf)) {
            inPassages
                    .computeIfAbsent(passage.source(), s -> new HashMap<>())
                    .computeIfAbsent(passage.sourceId(), id -> new LinkedHashSet<>())
                    .addAll(passage.codes());
        }
        Map<String, Set<String>> reflectionPassages = inPassages.getOrDefault(PassageSource.REFLECTION, Map.of());
        for (ProjectHistory.Reflection reflection : history.reflections(asOf)) {
            for (Entry counted : countOnce(
                    codes,
                    history.codes(reflection.reflectionId(), asOf),
                    reflectionPassages.get(reflection.reflectionId()))) {
                counted.reflections++;
                tally(
                        counted,
                        team.primaryPerspectiveAt(reflection.authorId(), reflection.occurredAt()),
                        phases.at(reflection.occurredAt()).name());
            }
        }
        Map<String, Set<String>> interviewPassages = inPassages.getOrDefault(PassageSource.INTERVIEW, Map.of());
        for (ProjectHistory.Interview interview : history.interviewsBy(asOf)) {
            for (Entry counted : countOnce(codes, interview.codes(), interviewPassages.get(interview.interviewId()))) {
                counted.interviews++;
                tally(
                        counted,
                        team.primaryPerspectiveAt(interview.intervieweeId(), interview.occurredAt()),
                        phases.at(interview.occurredAt()).name());
            }
        }

        List<Code> tree = new ArrayList<>();
        Map<String, List<Entry>> children = new HashMap<>();
        List<Entry> roots = new ArrayList<>();
        for (Entry e : codes.values()) {
            String parent = parentOf(codes, e);
            if (parent == null) {
                roots.add(e);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(e);
            }
        }
        List<String> phaseOrder = new ArrayList<>();
        phaseOrder.add(phases.beforeFirstPhase().name());
        phases.spans().forEach(span -> phaseOrder.add(span.name()));
        for (Entry e : codes.values()) {
            Map<String, Integer> ordered = new LinkedHashMap<>();
            phaseOrder.forEach(name -> {
                Integer n = e.byPhase.get(name);
                if (n != null) {
                    ordered.put(name, n);
                }
            });
            e.byPhase.clear();
            e.byPhase.putAll(ordered);
        }
        Set<String> placed = new HashSet<>();
        place(roots, children, codes, 0, tree, placed);
        // A code whose parents loop through merges has no root: it is placed at the top.
        List<Entry> unplaced =
                codes.values().stream().filter(e -> !placed.contains(e.code)).toList();
        place(unplaced, Map.of(), codes, 0, tree, placed);

        Map<IpaCategory, Integer> turns = new EnumMap<>(IpaCategory.class);
        history.contributions(asOf).forEach(c -> turns.merge(c.category(), 1, Integer::sum));
        List<IpaCode> ipa = new ArrayList<>();
        for (IpaCategory category : IpaCategory.values()) {
            ipa.add(new IpaCode(
                    category.name(),
                    words(category.name()),
                    category.ordinal() + 1,
                    category.area().name(),
                    turns.getOrDefault(category, 0)));
        }
        return new CodebookView(projectId, asOf, history.knownAt(), tree, ipa);
    }

    private static void changed(Entry e, Instant at, String eventId) {
        e.changedAt = at;
        e.eventIds.add(eventId);
    }

    /**
     * The entries one reflection or interview counts under, each once: the codes it gives as a whole
     * and in its passages, each given once however many passages give it (its own {@code given}), and
     * each code they count as (merges followed) once, however many of its codes count as it.
     */
    private static Set<Entry> countOnce(Map<String, Entry> codes, List<String> whole, Set<String> passages) {
        Set<String> given = new LinkedHashSet<>(whole);
        if (passages != null) {
            given.addAll(passages);
        }
        Set<Entry> counted = new LinkedHashSet<>();
        for (String code : given) {
            codes.computeIfAbsent(code, Entry::new).given++;
            counted.add(codes.computeIfAbsent(target(codes, code), Entry::new));
        }
        return counted;
    }

    private static void tally(Entry e, String perspective, String phase) {
        e.byPerspective.merge(perspective, 1, Integer::sum);
        e.byPhase.merge(phase, 1, Integer::sum);
    }

    /** The code a key counts as: itself, or the end of its chain of merges. */
    private static String target(Map<String, Entry> codes, String code) {
        Set<String> seen = new HashSet<>();
        String at = code;
        while (codes.containsKey(at) && codes.get(at).mergedInto != null && seen.add(at)) {
            at = codes.get(at).mergedInto;
        }
        return at;
    }

    /**
     * A code's parent through merges; null at the top, when it would be the code itself, or when the
     * parent is not in the codebook as of the date (a code given only in codings after it).
     */
    private static String parentOf(Map<String, Entry> codes, Entry e) {
        if (e.parent == null) {
            return null;
        }
        String parent = target(codes, e.parent);
        return parent.equals(e.code) || !codes.containsKey(parent) ? null : parent;
    }

    private static void place(
            List<Entry> level,
            Map<String, List<Entry>> children,
            Map<String, Entry> codes,
            int depth,
            List<Code> tree,
            Set<String> placed) {
        List<Entry> sorted = new ArrayList<>(level);
        sorted.sort(Comparator.comparing((Entry e) -> e.shown().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.code));
        for (Entry e : sorted) {
            if (!placed.add(e.code)) {
                continue;
            }
            tree.add(new Code(
                    e.code,
                    e.shown(),
                    e.description,
                    parentOf(codes, e),
                    depth,
                    e.mergedInto != null
                            ? Status.MERGED
                            : e.retired ? Status.RETIRED : e.defined ? Status.DEFINED : Status.FROM_USE,
                    e.mergedInto == null ? null : target(codes, e.mergedInto),
                    e.definedAt,
                    e.changedAt,
                    e.given,
                    new Usage(e.reflections, e.interviews, e.byPerspective, e.byPhase),
                    e.eventIds));
            place(children.getOrDefault(e.code, List.of()), children, codes, depth + 1, tree, placed);
        }
    }

    private static String words(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
