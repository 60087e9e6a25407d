package org.coproduction.timeline.participation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The participation answers spell out their nulls: an undefined voice ratio, the shift of the first
 * window and the end of a running phase are {@code null} in the JSON, as the contract
 * writes them, where the rest of the API leaves nulls out.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationJson {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    private abstract static class ExplicitNulls {}

    @Bean
    Jackson2ObjectMapperBuilderCustomizer participationNullsSpelledOut() {
        return builder -> builder.mixIn(Participation.Window.class, ExplicitNulls.class)
                .mixIn(Participation.MemberFigures.class, ExplicitNulls.class)
                .mixIn(Participation.PerspectiveFigures.class, ExplicitNulls.class)
                .mixIn(MemberTrajectory.PhaseFigures.class, ExplicitNulls.class);
    }
}
