package org.coproduction.timeline.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.meeting.web.TranscriptReader.Format;
import org.coproduction.timeline.meeting.web.TranscriptReader.Speech;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {

    static final String TEAMS =
            """
            WEBVTT

            NOTE Recorded on Teams; the first minute is small talk.

            3f1c-1
            00:00:05.120 --> 00:00:08.000
            <v Zoë Ólafsdóttir>Shall we start with the café idea? ☕</v>

            3f1c-2
            00:00:08.000 --> 00:00:11.500
            <v Zoë Ólafsdóttir>It came from the peer group &amp; the carers.</v>

            3f1c-3
            00:01:02.000 --> 00:01:04.000
            <v.loud Tomás 🌈 Brennan>I <b>agree</b>, &lt;strongly&gt;.</v>
            """;

    @Test
    void readsTeamsVoiceTagsMergingASpeakersConsecutiveCues() {
        TranscriptReader.Transcript transcript = TranscriptReader.read(TEAMS);

        assertThat(transcript.format()).isEqualTo(Format.WEBVTT);
        assertThat(transcript.speeches())
                .containsExactly(
                        new Speech(
                                "Zoë Ólafsdóttir",
                                Duration.ofMillis(5_120),
                                "Shall we start with the café idea? ☕ It came from the peer group & the carers.",
                                6),
                        new Speech("Tomás 🌈 Brennan", Duration.ofSeconds(62), "I agree, <strongly>.", 14));
        assertThat(transcript.speakers())
                .containsExactly(
                        java.util.Map.entry("Zoë Ólafsdóttir", 6), java.util.Map.entry("Tomás 🌈 Brennan", 14));
    }

    @Test
    void readsZoomNamePrefixesAndHoursInTimes() {
        String zoom = "\uFEFFWEBVTT\r\n\r\n1\r\n01:02:03.004 --> 01:02:05.000\r\nAisha Karim: We heard that.\r\n";

        assertThat(TranscriptReader.read(zoom).speeches())
                .containsExactly(new Speech(
                        "Aisha Karim",
                        Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusMillis(4),
                        "We heard that.",
                        4));
    }

    @Test
    void readsPlainTextTurnsWithLinesCarryingOn() {
        String plain =
                """
                Aisha Karim: We heard that the forms were hard.
                They asked for plain English.

                Tom Brennan: Agreed: plain English.
                """;

        TranscriptReader.Transcript transcript = TranscriptReader.read(plain);

        assertThat(transcript.format()).isEqualTo(Format.PLAIN_TEXT);
        assertThat(transcript.speeches())
                .containsExactly(
                        new Speech(
                                "Aisha Karim",
                                Duration.ZERO,
                                "We heard that the forms were hard. They asked for plain English.",
                                1),
                        new Speech("Tom Brennan", Duration.ofSeconds(1), "Agreed: plain English.", 4));
    }

    @Test
    void refusesWithTheLineAndTheReason() {
        assertRefused("", "file is empty");
        assertRefused("WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\n<v Ann>Hi</v>\n", "line 4: expected a cue's timing");
        assertRefused(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNobody said this\n", "line 3: the cue names no speaker");
        assertRefused("WEBVTT\n\n00:00:01.000 --> 00:01:70.000\n<v Ann>Hi</v>\n", "line 3: 00:01:70.000 is not a time");
        assertRefused(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hi</v>\n\n00:00:75.000 --> 00:00:76.000\n<v Ann>x</v>",
                "line 6:");
        assertRefused("Minutes of the meeting\nAnn: hello\n", "line 1: not a transcript");
        assertRefused("WEBVTT\n\nNOTE nothing else\n", "holds no speech");
    }

    private static void assertRefused(String file, String reason) {
        assertThatThrownBy(() -> TranscriptReader.read(file))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("file"));
    }

    /** What a tool writes, read back: the same speakers, words and times, each speech on its cue's line. */
    @Property(tries = 200)
    void aWebVttFileReadsBackAsWritten(@ForAll("speeches") @Size(min = 1, max = 12) List<Speech> written) {
        StringBuilder file = new StringBuilder("WEBVTT\n\n");
        List<Speech> expected = new ArrayList<>();
        int line = 3;
        for (int i = 0; i < written.size(); i++) {
            Speech speech = written.get(i);
            Duration at = Duration.ofSeconds(i * 7L).plusMillis(i * 13L);
            file.append("cue-").append(i).append('\n');
            file.append(stamp(at))
                    .append(" --> ")
                    .append(stamp(at.plusSeconds(5)))
                    .append('\n');
            file.append("<v ")
                    .append(escape(speech.speaker()))
                    .append('>')
                    .append(escape(speech.text()))
                    .append("</v>\n\n");
            Speech last = expected.isEmpty() ? null : expected.get(expected.size() - 1);
            if (last != null && last.speaker().equals(speech.speaker())) {
                expected.set(
                        expected.size() - 1,
                        new Speech(last.speaker(), last.at(), last.text() + " " + speech.text(), last.line()));
            } else {
                expected.add(new Speech(speech.speaker(), at, speech.text(), line + 1));
            }
            line += 4;
        }

        assertThat(TranscriptReader.read(file.toString()).speeches()).isEqualTo(expected);
    }

    @Property(tries = 200)
    void aPlainTranscriptReadsBackAsWritten(@ForAll("speeches") @Size(min = 1, max = 12) List<Speech> written) {
        StringBuilder file = new StringBuilder();
        List<Speech> expected = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            file.append(written.get(i).speaker())
                    .append(": ")
                    .append(written.get(i).text())
                    .append("\n\n");
            expected.add(new Speech(
                    written.get(i).speaker(),
                    Duration.ofSeconds(i),
                    written.get(i).text(),
                    2 * i + 1));
        }

        assertThat(TranscriptReader.read(file.toString()).speeches()).isEqualTo(expected);
    }

    /** Whatever arrives, the answer is speeches or a refusal naming the file: never another failure. */
    @Property(tries = 500)
    void anyFileIsReadOrRefusedAsTheFile(@ForAll("files") String file) {
        try {
            TranscriptReader.read(file);
        } catch (InvalidFieldException refused) {
            assertThat(refused.field()).isEqualTo("file");
        }
    }

    @Provide
    Arbitrary<List<Speech>> speeches() {
        Arbitrary<String> name =
                Arbitraries.of("Zoë Ólafsdóttir", "Tomás 🌈 Brennan", "Aisha Karim", "李 明", "Ann O'Neil");
        Arbitrary<String> words = Arbitraries.strings()
                .withChars("abcdeé ñ😀☕&<>\"'.,?!:")
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> s.replaceAll("\\s+", " ").strip())
                .filter(s -> !s.isEmpty());
        return Combinators.combine(name, words)
                .as((speaker, text) -> new Speech(speaker, Duration.ZERO, text, 0))
                .list();
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of(
                        "WEBVTT",
                        "",
                        "NOTE x",
                        "00:00:01.000 --> 00:00:02.000",
                        "99:99:99.999 --> 1",
                        "<v Ann>hi</v>",
                        "<v>",
                        "<v Ann>",
                        "Ann: yes",
                        ":",
                        "Ann:",
                        "&amp;&#x1F600;&bogus;",
                        "-->",
                        "<v.a.b Bo>x"),
                Arbitraries.strings().ofMaxLength(30));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    private static String stamp(Duration at) {
        return String.format(
                "%02d:%02d:%02d.%03d", at.toHours(), at.toMinutesPart(), at.toSecondsPart(), at.toMillisPart());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
