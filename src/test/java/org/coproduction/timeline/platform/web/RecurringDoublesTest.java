package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The text of a double is Jackson's own, whether written for the first time or again. */
class RecurringDoublesTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    private static final ObjectMapper REMEMBERING = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .addModule(RecurringDoubles.module())
            .build();

    record Figures(double share, Double voiceRatio, Map<String, Double> ipa, List<Double> shifts) {}

    @Property
    void writesEveryDoubleAsJacksonDoes(@ForAll double d) throws JsonProcessingException {
        Figures figures = new Figures(d, d, Map.of("AGREES", d), List.of(d, -d, d));

        assertThat(REMEMBERING.writeValueAsString(figures)).isEqualTo(JACKSON.writeValueAsString(figures));
        // Written again, from what was kept.
        assertThat(REMEMBERING.writeValueAsString(figures)).isEqualTo(JACKSON.writeValueAsString(figures));
    }

    @Test
    void writesSharesAndEdgesAsJacksonDoesWhenManyValuesShareTheKeptTexts() throws JsonProcessingException {
        List<Double> values = new ArrayList<>(List.of(
                0.0,
                -0.0,
                1.0,
                1e-7,
                1e21,
                123456789.125,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        // 6,859 distinct shares, more than are kept, so kept texts are replaced while writing.
        for (int total = 1; total <= 150; total++) {
            for (int part = 0; part <= total; part++) {
                values.add((double) part / total);
            }
        }
        assertThat(new HashSet<>(values)).hasSizeGreaterThan(4096);

        String expected = JACKSON.writeValueAsString(values);
        assertThat(REMEMBERING.writeValueAsString(values)).isEqualTo(expected);
        assertThat(REMEMBERING.writeValueAsString(values)).isEqualTo(expected);
    }

    @Test
    void followsTheMappersSettingsForNumbers() throws JsonProcessingException {
        Figures figures = new Figures(0.1 + 0.2, 2.0 / 3, Map.of("AGREES", 1.0 / 7), List.of(5e-324));
        for (JsonMapper.Builder builder : List.of(
                JsonMapper.builder(),
                JsonMapper.builder().enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS),
                JsonMapper.builder()
                        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                        .enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS))) {
            String expected = builder.build().writeValueAsString(figures);

            assertThat(builder.addModule(RecurringDoubles.module()).build().writeValueAsString(figures))
                    .isEqualTo(expected);
        }
    }

    @Test
    void theApplicationsMapperWritesDoublesWithIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(RecurringDoubles.class)
                .run(context -> {
                    ObjectMapper mapper = context.getBean(ObjectMapper.class);
                    for (Class<?> type : List.of(Double.class, double.class)) {
                        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(type))
                                .as(type.getName())
                                .isInstanceOf(RecurringDoubles.Serializer.class);
                    }
                });
    }
}
