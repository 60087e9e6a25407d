package org.coproduction.timeline.access.web;

import org.coproduction.timeline.access.NotAllowedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A case the account's role does not cover, as a 403 problem naming the field and the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotAllowedAdvice {

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        problem.setProperty("field", e.field());
        return problem;
    }
}
