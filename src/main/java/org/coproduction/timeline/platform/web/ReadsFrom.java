package org.coproduction.timeline.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query endpoint answered from these read models (their processors' names): before it runs, it
 * waits for them to hold every event stored before the request, or answers 503 with {@code
 * Retry-After} ({@link org.coproduction.timeline.platform.axon.ReadYourWrites}). When the path has a
 * {@code projectId}, only that project's events are waited for.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsFrom {

    String[] value();
}
