package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.platform.EventJson;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.coproduction.timeline.project.api.ImportEvents;
import org.coproduction.timeline.project.api.InvalidFieldException;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.project.api.RuleViolationException;
import org.coproduction.timeline.project.command.ProjectState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a JSON Lines file in two passes, so that nothing is stored unless every line is right.
 * The first pass checks each line against the schemas and, in file order, against the rules
 * (with {@link ProjectState}, the same rules the aggregate enforces), collecting every error. The
 * second pass hands the lines to each project's aggregate in chunks, all in one database
 * transaction: the aggregate checks them again under its lock, and any failure rolls back the
 * whole file. Memory holds the per-project rule state and the set of event ids, never the file.
 */
@Component
public class JsonLinesImporter {

    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(JsonLinesImporter.class);

    private final EventSchemas schemas;
    private final EventStore eventStore;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Cache projectCache;
    private final ProcessorPause processorPause;
    private final ObjectMapper mapper = EventJson.newMapper();

    JsonLinesImporter(
            EventSchemas schemas,
            EventStore eventStore,
            CommandGateway commands,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            @Qualifier("projectCache") Cache projectCache,
            ProcessorPause processorPause) {
        this.processorPause = processorPause;
        this.schemas = schemas;
        this.eventStore = eventStore;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.projectCache = projectCache;
    }

    public ImportResult importFile(Path file, ImportProgress progress) {
        long start = System.nanoTime();
        Validation validation = validate(file, progress);
        long validated = System.nanoTime();
        if (validation.errorCount > 0) {
            throw new ImportRejectedException(validation.errors, validation.errorCount);
        }
        long imported = store(file, validation, progress);
        log.info(
                "Imported {} lines ({} already present): validated in {} ms, stored in {} ms",
                imported,
                validation.alreadyPresent.cardinality(),
                (validated - start) / 1_000_000,
                (System.nanoTime() - validated) / 1_000_000);
        return new ImportResult(imported, validation.alreadyPresent.cardinality());
    }

    /** The outcome of the first pass. */
    private static final class Validation {
        final List<ImportError> errors = new ArrayList<>();
        long errorCount;
        long lines;
        final BitSet alreadyPresent = new BitSet();

        void error(long line, String field, String message) {
            errorCount++;
            if (errors.size() < ImportRejectedException.MAX_LISTED) {
                errors.add(new ImportError(line, field, message));
            }
        }
    }

    private Validation validate(Path file, ImportProgress progress) {
        Validation result = new Validation();
        Map<String, ProjectState> projects = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        List<InterchangeLine> chunk = new ArrayList<>(CHUNK);
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
                InterchangeLine line = parse(number, text, result);
                if (line != null) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK) {
                    checkRules(chunk, projects, seen, result);
                    chunk.clear();
                    progress.validated(number, bytes);
                }
            }
            checkRules(chunk, projects, seen, result);
            result.lines = number;
            progress.validated(number, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private InterchangeLine parse(long number, String text, Validation result) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (IOException e) {
            result.error(
                    number,
                    "$",
                    "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        List<SchemaViolation> violations = schemas.validateLine(node);
        if (!violations.isEmpty()) {
            violations.forEach(v -> result.error(number, v.field(), v.message()));
            return null;
        }
        try {
            return InterchangeLine.read(number, node, mapper);
        } catch (InvalidFieldException e) {
            result.error(number, e.field(), e.reason());
            return null;
        }
    }

    private void checkRules(
            List<InterchangeLine> chunk, Map<String, ProjectState> projects, Set<UUID> seen, Validation result) {
        Set<String> stored = storedEventIds(chunk);
        for (InterchangeLine line : chunk) {
            if (!seen.add(line.eventId()) || stored.contains(line.eventId().toString())) {
                result.alreadyPresent.set(Math.toIntExact(line.lineNumber()));
                continue;
            }
            ProjectEvent event = line.event();
            ProjectState state = projects.computeIfAbsent(event.projectId(), this::storedState);
            try {
                state.check(event);
                state.evolve(event);
            } catch (RuleViolationException e) {
                result.error(line.lineNumber(), "data." + e.field(), e.getMessage());
            }
        }
    }

    private Set<String> storedEventIds(List<InterchangeLine> chunk) {
        if (chunk.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        return new HashSet<>(jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE event_identifier IN (" + marks + ")",
                String.class,
                chunk.stream().map(l -> l.eventId().toString()).toArray()));
    }

    /** The rule state of a project as the store holds it now (empty when it is new). */
    private ProjectState storedState(String projectId) {
        ProjectState state = new ProjectState();
        eventStore.readEvents(projectId).asStream().forEach(m -> state.evolve((ProjectEvent) m.getPayload()));
        return state;
    }

    private long store(Path file, Validation validation, ImportProgress progress) {
        long total = validation.lines - validation.alreadyPresent.cardinality();
        Set<String> touched = new LinkedHashSet<>();
        try {
            Long stored = processorPause.during(
                    () -> transaction.execute(status -> appendAll(file, validation, total, touched, progress)));
            return stored == null ? 0 : stored;
        } catch (RuntimeException e) {
            // The aggregates saw their commands succeed; the rollback must not leave them cached.
            touched.forEach(projectCache::remove);
            throw e;
        }
    }

    private long appendAll(Path file, Validation validation, long total, Set<String> touched, ImportProgress progress) {
        long stored = 0;
        List<ImportEvents.Line> pending = new ArrayList<>(CHUNK);
        String pendingProject = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank() || validation.alreadyPresent.get(Math.toIntExact(number))) {
                    continue;
                }
                InterchangeLine line = InterchangeLine.read(number, mapper.readTree(text), mapper);
                String projectId = line.event().projectId();
                if (!projectId.equals(pendingProject) || pending.size() == CHUNK) {
                    stored += send(pendingProject, pending, touched);
                    progress.stored(stored, total);
                    pendingProject = projectId;
                }
                pending.add(new ImportEvents.Line(
                        number, line.event(), line.eventId().toString(), line.recordedAt()));
            }
            stored += send(pendingProject, pending, touched);
            progress.stored(stored, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    private int send(String projectId, List<ImportEvents.Line> lines, Set<String> touched) {
        if (lines.isEmpty()) {
            return 0;
        }
        touched.add(projectId);
        int count = lines.size();
        commands.sendAndWait(new ImportEvents(projectId, lines));
        lines.clear();
        return count;
    }
}
