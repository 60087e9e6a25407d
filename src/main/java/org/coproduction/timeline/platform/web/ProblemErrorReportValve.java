package org.coproduction.timeline.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to a request that never reaches the application (a request line or headers
 * larger than the server accepts, a request it cannot parse): {@code application/problem+json} like
 * every other refusal, naming the request as the part at fault, instead of Tomcat's HTML page. Like
 * Tomcat's own {@code JsonErrorReportValve}, but in the API's form and without any exception's text.
 * Installed as the host's error report valve ({@link ServletContainer}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        if (status == 400) {
            String detail = "request is not one this server can read: its line or headers may be too large"
                    + " (a query longer than about 8,000 characters) or malformed";
            problem.put("detail", detail);
            problem.put("errors", List.of(Map.of("field", "request", "message", detail)));
        } else {
            problem.put("detail", title);
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response was committed meanwhile: nothing more to say
        }
    }
}
