package org.coproduction.timeline.web;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every recording endpoint answers: 201 with what was recorded, or an RFC 9457 problem. */
public final class AdapterExpectations {

    private AdapterExpectations() {}

    /** 201 and {@code {projectId, id}}. */
    public static ResultMatcher recorded(String projectId, String id) {
        return ResultMatcher.matchAll(
                status().isCreated(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON),
                jsonPath("$.projectId").value(projectId),
                jsonPath("$.id").value(id));
    }

    /** A problem document with the given status. */
    public static ResultMatcher problem(HttpStatus status) {
        return ResultMatcher.matchAll(
                status().is(status.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status.value()));
    }

    /** 400 naming {@code field} as the first one at fault, with a reason. */
    public static ResultMatcher invalid(String field) {
        return ResultMatcher.matchAll(
                problem(HttpStatus.BAD_REQUEST),
                jsonPath("$.errors[0].field").value(field),
                jsonPath("$.errors[0].message").value(not(emptyOrNullString())));
    }

    /** 404 or 409 naming the field whose value the project does not have or contradicts. */
    public static ResultMatcher refused(HttpStatus status, String field) {
        return ResultMatcher.matchAll(problem(status), jsonPath("$.field").value(field));
    }
}
