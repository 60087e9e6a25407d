package org.coproduction.timeline.reflection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.NotAllowedException;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.WriteGripp2Item;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The team writes its answers to the report's GRIPP2 items (Gripp2ItemWritten). */
@RestController
@RequestMapping("/api/projects/{projectId}/report/items")
@Tag(name = "Reflections and interviews")
class Gripp2Controller {

    private static final String TOPICS =
            Arrays.stream(Gripp2Topic.values()).map(Gripp2Topic::key).collect(Collectors.joining(", "));

    private final CommandGateway commands;
    private final RequestDefaults defaults;
    private final CurrentAccount current;

    Gripp2Controller(CommandGateway commands, RequestDefaults defaults, CurrentAccount current) {
        this.commands = commands;
        this.defaults = defaults;
        this.current = current;
    }

    /** The answer's text, its authors (the member writing, when none are named), and from when it reads so. */
    record Gripp2ItemRequest(String text, List<String> authors, String occurredAt) {}

    @PostMapping("/{item}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Write the team's answer to a GRIPP2 item of the report (Gripp2ItemWritten)",
            description = "item is a GRIPP2 topic (aim, definition, theory, concepts, methods, people, stages, level,"
                    + " qualitative, impact, robustness, economic, results, outcomes, reflections, conclusions,"
                    + " keywords). A later answer to the same topic replaces it from its"
                    + " occurredAt on. A member writes as one of the authors; a RECORDER may write for others."
                    + " The text is the team's, for publication, and is not sealed.")
    RecordedResponse write(
            @PathVariable String projectId, @PathVariable String item, @RequestBody Gripp2ItemRequest r) {
        Gripp2Topic topic = topic(item);
        SignedIn me = current.get().orElseThrow();
        Optional<String> self = me.memberIn(projectId);
        List<String> authors = r.authors() == null || r.authors().isEmpty()
                ? self.map(List::of).orElse(List.of())
                : r.authors();
        WriteGripp2Item command =
                defaults.command(r.occurredAt(), at -> new WriteGripp2Item(projectId, at, topic, r.text(), authors));
        if (!me.may(projectId, ProjectRole.RECORDER)
                && self.filter(command.authors()::contains).isEmpty()) {
            throw new NotAllowedException(
                    "authors",
                    "you may write only as one of the authors"
                            + self.map(m -> " (" + m + ")").orElse(" (your account is linked to no member here)")
                            + "; writing for others needs the role RECORDER");
        }
        commands.sendAndWait(command);
        return new RecordedResponse(projectId, topic.key());
    }

    private static Gripp2Topic topic(String item) {
        try {
            return Gripp2Topic.valueOf(item.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("item", "must be one of " + TOPICS);
        }
    }
}
