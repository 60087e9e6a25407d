package org.coproduction.timeline.interchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.project.command.ProjectState;

/**
 * The projects one import holds at hand, each folded from the store the first time the file names
 * it. What the import keeps does not grow with the file, only with the projects it works on at once:
 * once the projects it holds have folded more than {@code timeline.import.resident-events} events
 * between them, some are let go after a chunk is appended (Caffeine, weighed by the events each has
 * folded), and folded again from the store (this transaction's own appends included) if the file
 * comes back to them. Each return doubles the bound, so a file that moves between more projects
 * than it holds (one sorted by time across a whole organisation, say) folds again a few times, not
 * at every line.
 *
 * <p>Which projects are let go is Caffeine's choice (W-TinyLFU, not least recently used), and only
 * costs time: a project let go holds nothing the store does not, since the projects of the chunk
 * being checked stay apart until it is appended, and none at all are let go after an error (their
 * states then hold lines that were checked but not appended).
 */
final class ImportedProjects {

    /**
     * A project as the import sees it: its rules so far, the ids its stream held before the import,
     * the next sequence number of its stream, and how many events its state has folded (what it
     * weighs).
     */
    static final class Project {
        final ProjectState state;
        final UuidSet storedIds;
        long nextSequence;
        long events;

        private Project(ProjectState state, UuidSet storedIds, long nextSequence, long events) {
            this.state = state;
            this.storedIds = storedIds;
            this.nextSequence = nextSequence;
            this.events = events;
        }
    }

    private final EventStorageEngine storage;
    private final ImportProgress progress;
    private final BiConsumer<String, Project> firstFolded;
    /** The projects of the chunk being checked, which may hold lines not yet appended. */
    private final Map<String, Project> inChunk = new HashMap<>();
    /** The projects of earlier chunks, all of whose lines are appended: what may be let go. */
    private final Cache<String, Project> appended;

    private final Policy.Eviction<String, Project> eviction;
    private final Set<String> touched = new HashSet<>();
    private long bound;
    private long foldedAgain;

    /**
     * @param firstFolded told of each project the first time it is folded, with what the store held
     */
    ImportedProjects(
            EventStorageEngine storage,
            long residentEvents,
            ImportProgress progress,
            BiConsumer<String, Project> firstFolded) {
        this.storage = storage;
        this.progress = progress;
        this.firstFolded = firstFolded;
        this.bound = residentEvents;
        // A project heavier than the bound weighs the bound: kept while it is the only one at hand,
        // rather than let go (and folded again) after every chunk of a file that is all its own.
        this.appended = Caffeine.newBuilder()
                .maximumWeight(residentEvents)
                .weigher((String id, Project project) ->
                        (int) Math.min(project.events, Math.min(bound, Integer.MAX_VALUE)))
                .executor(Runnable::run)
                .build();
        this.eviction = appended.policy().eviction().orElseThrow();
    }

    /** The project, as the lines of the file so far leave it. */
    Project get(String projectId) {
        Project project = inChunk.get(projectId);
        if (project == null) {
            project = appended.getIfPresent(projectId);
            if (project == null) {
                project = fold(projectId);
            }
            inChunk.put(projectId, project);
        }
        return project;
    }

    /**
     * After a chunk every line of which is appended (or already present): its projects, weighed
     * again as they now stand, join those that may be let go, and what the bound requires is let go.
     */
    void chunkAppended() {
        appended.putAll(inChunk);
        inChunk.clear();
        appended.cleanUp();
    }

    /** Every project this import has folded: their cached aggregates know nothing of its appends. */
    Set<String> touched() {
        return touched;
    }

    long foldedAgain() {
        return foldedAgain;
    }

    private Project fold(String projectId) {
        boolean first = touched.add(projectId);
        if (!first) {
            foldedAgain++;
            progress.foldingAgain(projectId);
            bound = bound > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bound * 2;
            eviction.setMaximum(bound);
        }
        Project project = stored(projectId);
        if (first) {
            firstFolded.accept(projectId, project);
        }
        return project;
    }

    /** The rules state and next sequence number of a project as the store holds it (empty when new). */
    private Project stored(String projectId) {
        ProjectState state = new ProjectState();
        UuidSet ids = new UuidSet();
        long[] last = {-1};
        storage.readEvents(projectId).asStream().forEach(m -> {
            state.evolve((ProjectEvent) m.getPayload());
            // Every stored event id is a UUID: V7 indexes them as such.
            ids.add(UUID.fromString(m.getIdentifier()));
            last[0] = m.getSequenceNumber();
        });
        return new Project(state, ids, last[0] + 1, ids.size());
    }
}
