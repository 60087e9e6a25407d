package org.coproduction.timeline.reflection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.NotAllowedException;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.CodePassage;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.coproduction.timeline.reflection.query.TextsQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The texts a member may read, and the coding of their passages (PassageCoded). A passage is held to
 * its text here, where the text is opened for the asking account: the aggregate never sees a text.
 */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "Reflections and interviews")
class PassageController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;
    private final CurrentAccount current;
    private final TextsQuery texts;
    private final TimeTravel time;

    PassageController(
            CommandGateway commands,
            RequestDefaults defaults,
            CurrentAccount current,
            TextsQuery texts,
            TimeTravel time) {
        this.commands = commands;
        this.defaults = defaults;
        this.current = current;
        this.texts = texts;
        this.time = time;
    }

    /** A passage in Unicode code points, from start (inclusive) to end (exclusive); no code clears it. */
    record PassageRequest(Integer start, Integer end, List<String> codes, String codedBy, String occurredAt) {}

    @GetMapping("/texts")
    @Operation(
            summary = "The texts the asking account may read, with their codes and coded passages",
            description = "The team's reflections, the asking member's own private ones and the interviews'"
                    + " summaries that occurred by asOf, as known at knownAt, in occurredAt order; a withdrawn"
                    + " member's text is left out. Each with its whole-text codes and its coded passages (start"
                    + " and end in Unicode code points, end exclusive).")
    TextsQuery.Texts texts(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        String reader = current.get().flatMap(me -> me.memberIn(projectId)).orElse(null);
        return texts.texts(projectId, time.at(asOf, knownAt), reader);
    }

    @PostMapping("/reflections/{reflectionId}/passages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Code a passage of a reflection's text (PassageCoded)",
            description = "start and end in Unicode code points of the text (end exclusive, at most the text's"
                    + " length); codes from the codebook, none to clear the passage. In your own name; a"
                    + " RECORDER may name codedBy. A private reflection is coded only by its author: for anyone"
                    + " else it answers 404, as for a reflection not recorded.")
    RecordedResponse codeReflection(
            @PathVariable String projectId, @PathVariable String reflectionId, @RequestBody PassageRequest r) {
        return code(projectId, PassageSource.REFLECTION, reflectionId, r);
    }

    @PostMapping("/interviews/{interviewId}/passages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Code a passage of an interview's summary (PassageCoded)",
            description = "As for a reflection's passage; an interview without summary has no passage to code.")
    RecordedResponse codeInterview(
            @PathVariable String projectId, @PathVariable String interviewId, @RequestBody PassageRequest r) {
        return code(projectId, PassageSource.INTERVIEW, interviewId, r);
    }

    private RecordedResponse code(String projectId, PassageSource source, String sourceId, PassageRequest r) {
        SignedIn me = current.get().orElseThrow();
        Optional<String> self = me.memberIn(projectId);
        String codedBy = r.codedBy() != null ? r.codedBy() : self.orElse(null);
        CodePassage command = defaults.command(
                r.occurredAt(),
                at -> new CodePassage(projectId, at, source, sourceId, r.start(), r.end(), r.codes(), codedBy));
        if (!me.may(projectId, ProjectRole.RECORDER)
                && !self.filter(codedBy::equals).isPresent()) {
            throw new NotAllowedException(
                    "codedBy", "you may code passages only as yourself; this needs the role RECORDER");
        }
        Optional<String> text = texts.textToCode(projectId, source, sourceId, self.orElse(null));
        if (text.isPresent()) {
            int length = TextsQuery.length(text.get());
            if (command.end() > length) {
                throw new InvalidFieldException(
                        "end", "must be at most " + length + " (the text has " + length + " characters)");
            }
        }
        commands.sendAndWait(command);
        return new RecordedResponse(projectId, sourceId);
    }
}
