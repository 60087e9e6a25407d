package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Requests to change a project's codebook; each becomes the {@link CodebookEvent} of its name. */
public sealed interface CodebookCommand {

    /** The longest display name of a code. */
    int MAX_NAME = 200;

    /** The longest description of a code. */
    int MAX_DESCRIPTION = 4_000;

    record DefineCode(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String code,
            String name,
            String description,
            String parent,
            String changedBy)
            implements CodebookCommand {
        public DefineCode {
            CodeWords words = CodeWords.checked(projectId, occurredAt, code, name, description, parent, changedBy);
            name = words.name();
            description = words.description();
            parent = words.parent();
        }
    }

    record ReviseCode(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String code,
            String name,
            String description,
            String parent,
            String changedBy)
            implements CodebookCommand {
        public ReviseCode {
            CodeWords words = CodeWords.checked(projectId, occurredAt, code, name, description, parent, changedBy);
            name = words.name();
            description = words.description();
            parent = words.parent();
        }
    }

    /** A code's words as a definition or revision gives them, each field checked, blank ones absent. */
    record CodeWords(String name, String description, String parent) {

        static CodeWords checked(
                String projectId,
                Instant occurredAt,
                String code,
                String name,
                String description,
                String parent,
                String changedBy) {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.code("code", code);
            String shownName = fields.optionalText("name", words(name, MAX_NAME, "name"));
            String meaning = fields.optionalText("description", words(description, MAX_DESCRIPTION, "description"));
            String under = parent == null ? null : fields.code("parent", parent);
            fields.id("changedBy", changedBy);
            fields.done();
            return new CodeWords(shownName, meaning, under);
        }
    }

    record MergeCodes(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            List<String> codes,
            String into,
            String changedBy)
            implements CodebookCommand {
        public MergeCodes {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            codes = fields.codes("codes", codes, true);
            fields.code("into", into);
            fields.id("changedBy", changedBy);
            fields.done();
            if (codes.stream().distinct().count() != codes.size()) {
                throw new InvalidFieldException("codes", "must not name a code twice");
            }
        }
    }

    record RetireCode(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String code,
            String reason,
            String changedBy)
            implements CodebookCommand {
        public RetireCode {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.code("code", code);
            reason = fields.optionalText("reason", words(reason, MAX_DESCRIPTION, "reason"));
            fields.id("changedBy", changedBy);
            fields.done();
        }
    }

    /**
     * A codebook brought in from a file (a REFI-QDA {@code .qdc}): each change a code defined or
     * revised, with the file's line it comes from; all are recorded or none.
     */
    record ImportCodebook(
            @TargetAggregateIdentifier String projectId, Instant occurredAt, List<Change> changes, String changedBy)
            implements CodebookCommand {
        public ImportCodebook {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.present("changes", changes);
            fields.id("changedBy", changedBy);
            fields.done();
            changes = List.copyOf(changes);
        }

        /** One code of the file: defined ({@code define}) or revised, and the line it stands on. */
        public record Change(int line, boolean define, String code, String name, String description, String parent) {
            /** Held to the rules a defined or revised code is held to, a refusal naming the file's line. */
            public Change {
                try {
                    Require.code("code", code);
                    name = Require.optionalText("name", words(name, MAX_NAME, "name"));
                    description =
                            Require.optionalText("description", words(description, MAX_DESCRIPTION, "description"));
                } catch (InvalidFieldException e) {
                    throw new InvalidFieldException("file", "line " + line + ": " + e.getMessage());
                }
            }
        }
    }

    /** Optional words: blank reads as absent, and at most {@code max} characters. */
    private static String words(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }
}
