package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.Durability;
import org.coproduction.timeline.platform.EventJson;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.platform.axon.AppendGate;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.privacy.PersonalText;
import org.coproduction.timeline.privacy.Sealing;
import org.coproduction.timeline.project.command.ProjectState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a JSON Lines file in one pass and one database transaction: each line is checked
 * against the schemas and, in file order, against its project's rules ({@link ProjectState}, the
 * rules the aggregate enforces, folded from the project's stored events), then appended to the
 * project's stream. Every error is collected; if there is any, the transaction is rolled back and
 * nothing of the file is stored. A command racing the import on the same project makes one of
 * the two fail on the stream's unique (project, sequence) index, so no rule is bypassed. See
 * docs/adr/0003.
 */
@Component
public class JsonLinesImporter {

    static final int CHUNK = 1000;

    static final String AGGREGATE_TYPE = "Project";
    private static final Logger log = LoggerFactory.getLogger(JsonLinesImporter.class);

    private final EventSchemas schemas;
    private final EventStorageEngine storage;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final Cache projectCache;
    private final ProcessorPause processorPause;
    private final Clock clock;
    private final Serializer serializer;
    private final Durability durability;
    private final long pauseAboveBytes;
    private final AppendGate appendGate;
    private final long residentEvents;
    private final ObjectMapper mapper = EventJson.newMapper();
    private final Sealing sealing;
    private final Present present;

    private final Executor readerThread = runnable -> {
        Thread thread = new Thread(runnable, "import-reader");
        thread.setDaemon(true);
        thread.start();
    };

    JsonLinesImporter(
            EventSchemas schemas,
            EventStorageEngine storage,
            PlatformTransactionManager transactionManager,
            DataSource dataSource,
            @Qualifier("projectCache") Cache projectCache,
            ProcessorPause processorPause,
            Clock clock,
            Serializer serializer,
            Durability durability,
            @Value("${timeline.import.pause-processors-above-bytes:8000000}") long pauseAboveBytes,
            @Value("${timeline.import.resident-events:250000}") long residentEvents,
            AppendGate appendGate,
            Present present,
            Sealing sealing) {
        this.sealing = sealing;
        this.present = present;
        this.serializer = serializer;
        this.durability = durability;
        this.pauseAboveBytes = pauseAboveBytes;
        this.appendGate = appendGate;
        this.residentEvents = residentEvents;
        this.schemas = schemas;
        this.storage = storage;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.projectCache = projectCache;
        this.processorPause = processorPause;
        this.clock = clock;
    }

    public ImportResult importFile(Path file, ImportProgress progress) {
        return importFile(file, progress, ImportAdmission.ANY);
    }

    /**
     * Imports the file whole or not at all; a line for a project that the store already holds and
     * that {@code admission} does not admit is an error (and so the whole file is refused).
     */
    public ImportResult importFile(Path file, ImportProgress progress, ImportAdmission admission) {
        long start = System.nanoTime();
        Run run = new Run(progress, admission);
        Supplier<Object> store = () -> transaction.execute(status -> {
            appendGate.importInTransaction();
            run.readAll(file);
            if (run.errorCount > 0) {
                status.setRollbackOnly();
            }
            return null;
        });
        try {
            appendGate.oneImport(() -> size(file) > pauseAboveBytes || processorPause.anyBusy()
                    ? processorPause.during(() -> appendGate.importAlone(store))
                    : appendGate.importAlone(store));
        } finally {
            // Cached aggregates know nothing of what was appended (or rolled back) beside them.
            run.projects.touched().forEach(projectCache::remove);
        }
        if (run.errorCount == 0) {
            sealing.importCommitted();
        }
        return answer(run, start);
    }

    private ImportResult answer(Run run, long start) {
        if (run.errorCount > 0) {
            throw new ImportRejectedException(run.errors, run.errorCount);
        }
        durability.awaitWritten();
        log.info(
                "Imported {} lines ({} already present) in {} ms; {} projects folded again",
                run.imported,
                run.alreadyPresent,
                (System.nanoTime() - start) / 1_000_000,
                run.projects.foldedAgain());
        return new ImportResult(run.imported, run.alreadyPresent, List.copyOf(run.newProjects));
    }

    /**
     * The processors are paused for files above {@code timeline.import.pause-processors-above-bytes}
     * (8 MB, about 20,000 lines), and for any file while one of them is still catching up (with an
     * earlier import, say), which would otherwise share the cores with this one. Idle processors
     * polling beside an open import slow it a little for every line, while stopping idle processors
     * waits for a pooled processor's coordinator to notice the stop at its next 500 ms poll, longer
     * than a demo-sized import itself takes: the pause pays only for large files.
     *
     * <p>Imports run one at a time and append alone: commands wait for them ({@link AppendGate}),
     * since a processor that read an event committed meanwhile past this transaction's uncommitted
     * rows would keep only {@code timeline.event-store.max-gap-offset} positions below it as gaps to
     * come back to, and never see the rows further back; and on H2 the rows past the store's last
     * position when the import began are then its own, which a start after a crash removes if the
     * import was cut short ({@code ImportInProgress}).
     */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One import: what it has seen, what it found wrong, what it appended. */
    private final class Run {
        final ImportProgress progress;
        final ImportedProjects projects;
        final UuidSet seen = new UuidSet();
        final List<ImportError> errors = new ArrayList<>();
        long errorCount;
        long imported;
        long alreadyPresent;

        final ImportAdmission admission;
        /** Projects the store did not hold, in the order the file registers them. */
        final Set<String> newProjects = new LinkedHashSet<>();
        /** Projects the store holds that the admission refused: their lines are errors. */
        final Set<String> refused = new HashSet<>();
        /** Refused projects already named in an error: the rest of their lines only count. */
        final Set<String> reported = new HashSet<>();

        Run(ImportProgress progress, ImportAdmission admission) {
            this.progress = progress;
            this.admission = admission;
            this.projects = new ImportedProjects(storage, residentEvents, progress, this::firstFolded);
        }

        /**
         * Parsing and schema checks run on a second thread, a few chunks ahead of the rule checks
         * and appends, which must follow file order on this one.
         */
        void readAll(Path file) {
            BlockingQueue<Chunk> parsed = new ArrayBlockingQueue<>(4);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> reader =
                    CompletableFuture.runAsync(() -> parseAll(file, parsed, stop), readerThread);
            try {
                for (Chunk chunk = take(parsed, reader); !chunk.isEnd(); chunk = take(parsed, reader)) {
                    chunk.errors().forEach(e -> error(e.line(), e.field(), e.message()));
                    checkAndAppend(chunk.lines());
                    progress.validated(chunk.lastLine(), chunk.bytes());
                }
            } catch (StopImport stopped) {
                // the errors are recorded; the transaction rolls back
            } finally {
                stop.set(true);
            }
            errors.sort(Comparator.comparingLong(ImportError::line));
        }

        private Chunk take(BlockingQueue<Chunk> parsed, CompletableFuture<Void> reader) {
            try {
                Chunk chunk;
                while ((chunk = parsed.poll(100, TimeUnit.MILLISECONDS)) == null) {
                    if (reader.isCompletedExceptionally()) {
                        reader.join();
                    }
                }
                return chunk;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            }
        }

        /**
         * Nothing happens or is recorded after the moment it is stored: a line whose occurredAt or
         * recordedAt is later than now (give or take the clock tolerance) is an error.
         */
        private boolean inTheFuture(InterchangeLine line) {
            if (present.isFuture(line.event().occurredAt())) {
                error(
                        line.lineNumber(),
                        "data.occurredAt",
                        "is after now (" + present.now() + "): it has not happened yet");
                return true;
            }
            if (line.recordedAt() != null && present.isFuture(line.recordedAt())) {
                error(
                        line.lineNumber(),
                        "recordedAt",
                        "is after now (" + present.now() + "): it cannot have been recorded yet");
                return true;
            }
            return false;
        }

        void error(long line, String field, String message) {
            errorCount++;
            if (errors.size() < ImportRejectedException.MAX_LISTED) {
                errors.add(new ImportError(line, field, message));
            }
        }

        void checkAndAppend(List<Parsed> chunk) {
            List<DomainEventMessage<?>> append = new ArrayList<>(chunk.size());
            List<Parsed> appended = new ArrayList<>(chunk.size());
            for (Parsed parsed : chunk) {
                InterchangeLine line = parsed.line();
                ProjectEvent event = line.event();
                ImportedProjects.Project project = projects.get(event.projectId());
                if (refused.contains(event.projectId())) {
                    if (reported.add(event.projectId())) {
                        error(
                                line.lineNumber(),
                                "data.projectId",
                                "project " + event.projectId()
                                        + " is already registered, and only its coordinators may import into it");
                    } else {
                        errorCount++;
                    }
                    continue;
                }
                if (!seen.add(line.eventId()) || project.storedIds.contains(line.eventId())) {
                    alreadyPresent++;
                    continue;
                }
                if (parsed.refusal() != null) {
                    error(line.lineNumber(), "data", parsed.refusal());
                    continue;
                }
                if (inTheFuture(line)) {
                    continue;
                }
                try {
                    project.state.check(event);
                } catch (RuleViolationException e) {
                    error(line.lineNumber(), "data." + e.field(), e.getMessage());
                    continue;
                }
                project.state.evolve(event);
                sealing.storedByImport(event);
                project.events++;
                append.add(new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE, event.projectId(), project.nextSequence++, parsed.message(), clock.instant()));
                appended.add(parsed);
            }
            if (errorCount == 0 && !append.isEmpty()) {
                append(append, appended);
            }
            if (errorCount == 0) {
                projects.chunkAppended();
            }
        }

        /** A project the store did not hold is new; one it holds must be admitted. */
        private void firstFolded(String projectId, ImportedProjects.Project project) {
            if (project.nextSequence == 0) {
                newProjects.add(projectId);
            } else if (!admission.mayAppendTo(projectId)) {
                refused.add(projectId);
            }
        }

        /**
         * Appends a chunk. The store's unique indexes refuse it when another project already holds
         * one of its event ids (named here, line by line, as errors that end the import) or when a
         * command appended to one of its projects meanwhile (a concurrent change, answered 409).
         */
        private void append(List<DomainEventMessage<?>> append, List<Parsed> lines) {
            try {
                storage.appendEvents(append);
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                Set<String> taken = storedEventIds(lines);
                if (taken.isEmpty()) {
                    throw e;
                }
                lines.stream()
                        .filter(p -> taken.contains(p.line().eventId().toString()))
                        .forEach(p -> error(
                                p.line().lineNumber(),
                                "eventId",
                                "is already the id of a stored event of another project"));
                throw new StopImport();
            }
            imported += append.size();
            progress.stored(imported, imported);
        }
    }

    /** Ends an import whose transaction the database may no longer accept statements in. */
    private static final class StopImport extends RuntimeException {
        StopImport() {
            super(null, null, false, false);
        }
    }

    /** A run of parsed lines, or the end of the file when {@code lines} is null. */
    private record Chunk(List<Parsed> lines, List<ImportError> errors, long lastLine, long bytes) {
        static final Chunk END = new Chunk(null, List.of(), 0, 0);

        boolean isEnd() {
            return lines == null;
        }
    }

    private void parseAll(Path file, BlockingQueue<Chunk> parsed, AtomicBoolean stop) {
        List<Parsed> lines = new ArrayList<>(CHUNK);
        List<ImportError> errors = new ArrayList<>();
        long bytes = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                bytes += text.length() + 1;
                if (text.isBlank()) {
                    continue;
                }
                InterchangeLine line = parse(number, text, errors);
                if (line != null) {
                    lines.add(sealed(line));
                }
                if (lines.size() == CHUNK) {
                    if (!hand(parsed, new Chunk(lines, errors, number, bytes), stop)) {
                        return;
                    }
                    lines = new ArrayList<>(CHUNK);
                    errors = new ArrayList<>();
                }
            }
            if (hand(parsed, new Chunk(lines, errors, number, bytes), stop)) {
                hand(parsed, Chunk.END, stop);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for room in the queue unless the import has stopped listening; false when it has. */
    private static boolean hand(BlockingQueue<Chunk> parsed, Chunk chunk, AtomicBoolean stop)
            throws InterruptedException {
        while (!parsed.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (stop.get()) {
                return false;
            }
        }
        return true;
    }

    private InterchangeLine parse(long number, String text, List<ImportError> errors) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (IOException e) {
            errors.add(new ImportError(
                    number,
                    "$",
                    "is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
        List<SchemaViolation> violations = schemas.validateLine(node);
        if (!violations.isEmpty()) {
            violations.forEach(v -> errors.add(new ImportError(number, v.field(), v.message())));
            return null;
        }
        try {
            return InterchangeLine.read(number, node, mapper);
        } catch (InvalidFieldException e) {
            e.all().forEach(one -> errors.add(new ImportError(number, one.field(), one.reason())));
            return null;
        }
    }

    /**
     * The line with its personal text sealed under its member's key and its event id (a line from an
     * export of this installation arrives sealed and is kept as it is, if it opens here). A line
     * whose text cannot be sealed (its member withdrew consent) or does not open here carries the
     * reason, an error only if the store does not hold the line already.
     */
    private Parsed sealed(InterchangeLine line) {
        try {
            ProjectEvent event = sealing.seal(line.event(), line.eventId().toString());
            if (event == line.event()
                    && !sealing.opensHere(event, line.eventId().toString())) {
                return new Parsed(
                        line,
                        null,
                        "holds text sealed under a key this installation does not hold: a version 2 line"
                                + " re-imports only into the installation that exported it");
            }
            InterchangeLine sealed = event == line.event()
                    ? line
                    : new InterchangeLine(
                            line.lineNumber(), event, line.eventId(), line.recordedAt(), line.transcribedBy());
            return new Parsed(sealed, serialized(sealed), null);
        } catch (PersonalText.TextWithdrawnException e) {
            return new Parsed(line, null, e.getMessage());
        }
    }

    /**
     * A line read into its event, with the message the store will take, already serialised; or, when
     * it cannot be stored here, why not ({@code refusal}).
     */
    private record Parsed(InterchangeLine line, Message<ProjectEvent> message, String refusal) {}

    /**
     * The line's event as a message under its interchange id, serialised here on the reader thread:
     * the storage engine finds the serialised forms cached and does not serialise again.
     */
    private Message<ProjectEvent> serialized(InterchangeLine line) {
        Map<String, Object> metadata = new HashMap<>(2);
        if (line.recordedAt() != null) {
            metadata.put(RecordedTime.RECORDED_AT, line.recordedAt().toString());
        }
        if (line.transcribedBy() != null) {
            metadata.put(RecordedTime.TRANSCRIBED_BY, line.transcribedBy());
        }
        Message<ProjectEvent> message =
                new GenericMessage<>(line.eventId().toString(), line.event(), MetaData.from(metadata));
        message.serializePayload(serializer, byte[].class);
        message.serializeMetaData(serializer, byte[].class);
        return message;
    }

    /**
     * Which of the lines' ids the store held before this import began, in any project. Asked on a
     * connection of its own: the import's transaction may be unusable after a refused append.
     */
    private Set<String> storedEventIds(List<Parsed> chunk) {
        if (chunk.isEmpty()) {
            return Set.of();
        }
        // By event_uuid, the indexed form of event_identifier (V7).
        String sql = "SELECT event_identifier FROM domain_event_entry WHERE event_uuid IN ("
                + String.join(",", Collections.nCopies(chunk.size(), "CAST(? AS UUID)")) + ")";
        Set<String> stored = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < chunk.size(); i++) {
                statement.setString(i + 1, chunk.get(i).line().eventId().toString());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not look up stored event ids", e);
        }
        return stored;
    }
}
