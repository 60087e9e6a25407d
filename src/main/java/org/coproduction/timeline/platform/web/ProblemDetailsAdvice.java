package org.coproduction.timeline.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.axon.ReadYourWrites;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal as an RFC 9457 problem: 400 names the field and the reason, 404 an unknown
 * project, meeting or decision, 409 a broken rule or a concurrent change. Bad input never
 * reaches a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private final ObjectMapper mapper;

    ProblemDetailsAdvice(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return badRequest(e.all().stream()
                .map(one -> new FieldError(one.field(), one.reason()))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            List<JsonMappingException> every = KeptRequestBodies.current()
                    .map(kept -> KeptRequestBodies.everyWrongField(mapper, kept, mapping))
                    .orElse(List.of(mapping));
            return badRequest(every.stream()
                    .map(one -> new FieldError(field(one), wrongKind(one)))
                    .toList());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return badRequest(List.of(new FieldError(
                    "body",
                    String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")
                            ? "has more after its JSON value"
                            : "must be a JSON object")));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            String where = json.getLocation() == null
                    ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr() + ")";
            return badRequest(List.of(
                    new FieldError("body", "is not readable JSON" + where + ": " + cut(json.getOriginalMessage()))));
        }
        return badRequest(List.of(new FieldError("body", "is missing or not readable JSON")));
    }

    private static String field(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** What the field should have held, in words: never a Java type, never the whole value sent. */
    private static String wrongKind(JsonMappingException mapping) {
        Class<?> expected = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String value = mapping instanceof InvalidFormatException format
                ? " (not " + cut(String.valueOf(format.getValue())) + ")"
                : "";
        if (expected == null) {
            return "has a value of the wrong kind";
        }
        if (expected.isEnum()) {
            return "must be one of "
                    + java.util.Arrays.stream(expected.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + value;
        }
        if (CharSequence.class.isAssignableFrom(expected)) {
            return "must be text" + value;
        }
        if (Number.class.isAssignableFrom(expected) || (expected.isPrimitive() && expected != boolean.class)) {
            return "must be a number" + value;
        }
        if (expected == Boolean.class || expected == boolean.class) {
            return "must be true or false" + value;
        }
        if (java.util.Collection.class.isAssignableFrom(expected) || expected.isArray()) {
            return "must be a list" + value;
        }
        return "must be an object" + value;
    }

    /** A value sent back in an answer: at most 200 characters. */
    static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(
                List.of(new FieldError(e.getName(), "has an invalid value: " + cut(String.valueOf(e.getValue())))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        HttpStatus status =
                e.kind() == RuleViolationException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Rule violated");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownProject(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "project " + e.getAggregateIdentifier() + " is not registered");
        problem.setTitle("Not found");
        problem.setProperty("field", "projectId");
        return problem;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "the project changed at the same time or already holds this record; try again");
        problem.setTitle("Concurrent change");
        return problem;
    }

    /** A read model still catching up: say so, and when to ask again, rather than answer without the latest writes. */
    @ExceptionHandler(ReadYourWrites.CatchingUp.class)
    ResponseEntity<ProblemDetail> catchingUp(ReadYourWrites.CatchingUp e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The figures are still being brought up to date with " + e.events()
                        + " recent events; ask again in a moment.");
        problem.setTitle("Catching up");
        problem.setProperty("readModels", e.readModels());
        problem.setProperty("events", e.events());
        long seconds = Math.max(1, Math.min(60, e.events() / 10_000));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) throws Throwable {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolationException violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof InvalidFieldException invalid) {
            return invalidField(invalid);
        }
        throw e;
    }

    static ProblemDetail badRequest(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldError::describe).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    /** One field at fault and why. */
    record FieldError(String field, String message) {
        String describe() {
            return field + " " + message;
        }

        Map<String, String> asMap() {
            return Map.of("field", field, "message", String.valueOf(message));
        }
    }
}
