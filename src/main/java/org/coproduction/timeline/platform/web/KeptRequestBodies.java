package org.coproduction.timeline.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps a JSON request body (up to {@link #LIMIT}) and the type it is read as, so that a body Jackson
 * stops reading at its first field of the wrong kind can be read again for the others: {@link
 * #everyWrongField} takes each field Jackson refuses out of the body's tree and reads it again, until
 * it reads, so the answer names every field of the wrong kind at once, each in Jackson's own terms.
 * Only bodies read by the JSON converter are kept (an import's JSON Lines stream is not).
 */
@ControllerAdvice
class KeptRequestBodies extends RequestBodyAdviceAdapter {

    static final int LIMIT = 1 << 20;
    private static final String BODY = KeptRequestBodies.class.getName() + ".body";
    private static final String TYPE = KeptRequestBodies.class.getName() + ".type";
    private static final int MOST_FIELDS = 100;

    /** A body as read, and the type it was read as. */
    record Kept(byte[] body, Type type) {}

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        InputStream rest = message.getBody();
        byte[] start = rest.readNBytes(LIMIT + 1);
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (start.length <= LIMIT && attributes != null) {
            attributes.setAttribute(BODY, start, RequestAttributes.SCOPE_REQUEST);
            attributes.setAttribute(TYPE, targetType, RequestAttributes.SCOPE_REQUEST);
        }
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(start), rest);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    /** The body this request's JSON was read from, if it was kept. */
    static Optional<Kept> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null
                || !(attributes.getAttribute(BODY, RequestAttributes.SCOPE_REQUEST) instanceof byte[] body)
                || !(attributes.getAttribute(TYPE, RequestAttributes.SCOPE_REQUEST) instanceof Type type)) {
            return Optional.empty();
        }
        return Optional.of(new Kept(body, type));
    }

    /**
     * Every field of the wrong kind in a kept body, the first being {@code first} (what Jackson
     * threw): each is taken out of the body's tree (an item of a list becomes null) and the tree read
     * again, until it reads or a failure names no field.
     */
    static List<JsonMappingException> everyWrongField(ObjectMapper mapper, Kept kept, JsonMappingException first) {
        List<JsonMappingException> wrong = new ArrayList<>(List.of(first));
        JsonNode tree;
        try {
            tree = mapper.readTree(kept.body());
        } catch (IOException e) {
            return wrong;
        }
        JavaType type = mapper.constructType(kept.type());
        JsonMappingException failure = first;
        while (wrong.size() < MOST_FIELDS && takeOut(tree, failure.getPath())) {
            try {
                mapper.readerFor(type).readValue(mapper.treeAsTokens(tree));
                break;
            } catch (JsonMappingException next) {
                if (next.getPath().isEmpty()) {
                    break;
                }
                failure = next;
                wrong.add(next);
            } catch (IOException other) {
                break;
            }
        }
        return wrong;
    }

    /** Takes the value at the path out of the tree; false if there is none to take. */
    private static boolean takeOut(JsonNode tree, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = tree;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array
                && last.getIndex() >= 0
                && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
