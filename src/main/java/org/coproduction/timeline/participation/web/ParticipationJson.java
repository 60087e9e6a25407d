package org.coproduction.timeline.participation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJacksonValue;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the participation records are written as JSON.
 *
 * <p>Everywhere (the participation answer, the member trajectory, the report's windows): nulls are
 * spelled out, an undefined voice ratio, the shift of the first window and the end of a running
 * phase being {@code null} as the contract writes them, where the rest of the API leaves
 * nulls out.
 *
 * <p>In the participation answer only, the size a person or a chart needs: shares and counts of 0
 * are left out of the maps {@code ipa}, {@code areas} and {@code byMethod} (a missing key reads as
 * 0), and the twelve IPA shares of each member and perspective come only with {@link Detail#FULL}.
 * A {@link Participation} answered by Spring MVC is written by a mapper of its own (the application's,
 * with the mix-ins below); the report, which lists every zero, keeps the application's.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationJson implements WebMvcConfigurer {

    /** How much of each window the answer holds. */
    enum Detail {
        /** Every figure but the IPA shares by category of members and perspectives: what the page and its charts read. */
        SUMMARY(Summary.class),
        /** Every figure, the IPA shares by category too. */
        FULL(Full.class);

        private final Class<?> view;

        Detail(Class<?> view) {
            this.view = view;
        }
    }

    /** The answer's JSON view for a detail (application/json, through {@link MappingJackson2HttpMessageConverter}). */
    static MappingJacksonValue answer(Participation participation, Detail detail) {
        MappingJacksonValue answer = new MappingJacksonValue(participation);
        answer.setSerializationView(detail.view);
        return answer;
    }

    /** The view of {@link Detail#SUMMARY}: everything but what is marked {@link Full}. */
    private interface Summary {}

    /** The view of {@link Detail#FULL}; a property without a view is in both (default view inclusion). */
    private interface Full extends Summary {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    private abstract static class ExplicitNulls {}

    /** A member's or perspective's figures in the answer: nulls spelled out, zeros out of the maps. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private interface AnswerFigures {
        @JsonView(Full.class)
        @JsonInclude(content = JsonInclude.Include.NON_DEFAULT)
        Map<IpaCategory, Double> ipa();

        @JsonInclude(content = JsonInclude.Include.NON_DEFAULT)
        Map<IpaCategory.Area, Double> areas();
    }

    /** A window's decisions in the answer: a method no decision was made by left out. */
    private interface AnswerDecisions {
        @JsonInclude(content = JsonInclude.Include.NON_DEFAULT)
        Map<DecisionMethod, Integer> byMethod();
    }

    private final ObjectProvider<Jackson2ObjectMapperBuilder> mappers;

    ParticipationJson(ObjectProvider<Jackson2ObjectMapperBuilder> mappers) {
        this.mappers = mappers;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer participationNullsSpelledOut() {
        return builder -> builder.mixIn(Participation.Window.class, ExplicitNulls.class)
                .mixIn(Participation.MemberFigures.class, ExplicitNulls.class)
                .mixIn(Participation.PerspectiveFigures.class, ExplicitNulls.class)
                .mixIn(MemberTrajectory.PhaseFigures.class, ExplicitNulls.class);
    }

    /** The answer's own mapper: the application's, its mix-ins for these records replaced by the answer's. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        ObjectMapper answers = mappers.getObject()
                .mixIn(Participation.MemberFigures.class, AnswerFigures.class)
                .mixIn(Participation.PerspectiveFigures.class, AnswerFigures.class)
                .mixIn(Participation.Decisions.class, AnswerDecisions.class)
                .defaultViewInclusion(true)
                .build();
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.registerObjectMappersForType(Participation.class, byType -> json.getSupportedMediaTypes()
                        .forEach(type -> byType.put(type, answers)));
            }
        }
    }
}
