package org.coproduction.timeline.meeting.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.timeline.api.InvalidFieldException;
import org.jsoup.parser.Parser;

/**
 * Reads a meeting's transcript into its speeches, each with its speaker as the file names them, its
 * time from the start of the recording, its words, and the line it starts on. Two formats:
 *
 * <ul>
 *   <li><b>WebVTT</b> ({@code .vtt}, as Teams and Zoom save transcripts): a file opening with {@code
 *       WEBVTT}; each cue's speaker from its {@code <v Name>} voice tag (Teams) or a {@code Name:}
 *       prefix (Zoom), its time the cue's start. Consecutive cues of one speaker are one speech (the
 *       tools cut a long speech into caption-sized cues). Notes, styles and regions are skipped;
 *       other tags are dropped and character references decoded (jsoup's HTML entity table).
 *   <li><b>Plain text</b>: each speech a line opening with {@code Name:}, lines without one carrying
 *       on the speech above; no times (the n-th speech is put n seconds after the meeting's start,
 *       so that the order stays).
 * </ul>
 *
 * No WebVTT reader for the JVM is kept up on Maven Central (ExoPlayer's is Android's), so this one
 * is small and property-tested ({@code TranscriptReaderProperties}). A file it cannot read is
 * refused as {@code file}, with the line and the reason.
 */
final class TranscriptReader {

    enum Format {
        WEBVTT,
        PLAIN_TEXT
    }

    /** One speaker's speech: {@code at} from the recording's start; its line its cue's timing line. */
    record Speech(String speaker, Duration at, String text, int line) {}

    record Transcript(Format format, List<Speech> speeches) {

        /** Each speaker, in the order they first speak, with the line of their first speech. */
        Map<String, Integer> speakers() {
            Map<String, Integer> first = new LinkedHashMap<>();
            speeches.forEach(speech -> first.putIfAbsent(speech.speaker(), speech.line()));
            return first;
        }
    }

    /** The longest speaker's name read from a {@code Name:} prefix: longer, it is words, not a name. */
    static final int NAME_LIMIT = 60;

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d{2,6}:)?\\d{2}:\\d{2}\\.\\d{3})\\s+-->\\s+((?:\\d{2,6}:)?\\d{2}:\\d{2}\\.\\d{3})(?:\\s.*)?$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*[ \\t]+([^>]*)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NAMED = Pattern.compile("^([^:<>]{1," + NAME_LIMIT + "}):[ \\t]+(.*)$");
    private static final Pattern NAMED_PLAIN = Pattern.compile("^\\s*([^:]{1," + NAME_LIMIT + "}):(?:[ \\t]+(.*))?$");

    private TranscriptReader() {}

    static Transcript read(String file) {
        if (file == null || file.isBlank()) {
            throw new InvalidFieldException("file", "is empty: send a WebVTT (.vtt) or plain-text transcript");
        }
        String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
        List<String> lines = text.lines().toList();
        boolean webVtt = lines.get(0).equals("WEBVTT")
                || lines.get(0).startsWith("WEBVTT ")
                || lines.get(0).startsWith("WEBVTT\t");
        Transcript transcript =
                webVtt ? new Transcript(Format.WEBVTT, webVtt(lines)) : new Transcript(Format.PLAIN_TEXT, plain(lines));
        if (transcript.speeches().isEmpty()) {
            throw new InvalidFieldException("file", "holds no speech: nothing to record");
        }
        return transcript;
    }

    private static List<Speech> webVtt(List<String> lines) {
        List<Speech> speeches = new ArrayList<>();
        int i = 1;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++; // the header's own lines
        }
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            int end = i;
            while (end < lines.size() && !lines.get(end).isBlank()) {
                end++;
            }
            String first = lines.get(i);
            if (!isBlock(first, "NOTE") && !isBlock(first, "STYLE") && !isBlock(first, "REGION")) {
                int timing = first.contains("-->") ? i : i + 1;
                Matcher times = timing < end ? TIMING.matcher(lines.get(timing)) : null;
                if (times == null || !times.matches()) {
                    throw refusal(
                            (timing < end ? timing : blockStart) + 1,
                            "expected a cue's timing, such as 00:01:02.000 --> 00:01:05.500");
                }
                Duration at = time(times.group(1), timing + 1);
                time(times.group(2), timing + 1); // a cue's end must be a time too
                cue(String.join("\n", lines.subList(timing + 1, end)), at, timing + 1, speeches);
            }
            i = end;
        }
        return speeches;
    }

    private static boolean isBlock(String line, String keyword) {
        return line.equals(keyword) || line.startsWith(keyword + " ") || line.startsWith(keyword + "\t");
    }

    /** A cue's speeches: one per voice span, or one for a {@code Name:} cue. */
    private static void cue(String payload, Duration at, int line, List<Speech> speeches) {
        Matcher voice = VOICE.matcher(payload);
        List<String[]> spans = new ArrayList<>();
        int textFrom = -1;
        String speaker = null;
        while (voice.find()) {
            if (speaker == null && !words(payload.substring(0, voice.start())).isEmpty()) {
                throw refusal(line, "the cue's words before its <v Name> tag name no speaker");
            }
            if (speaker != null) {
                spans.add(new String[] {speaker, payload.substring(textFrom, voice.start())});
            }
            speaker = words(voice.group(1));
            textFrom = voice.end();
        }
        if (speaker != null) {
            spans.add(new String[] {speaker, payload.substring(textFrom)});
        } else {
            Matcher named = NAMED.matcher(words(payload));
            if (!named.matches()) {
                if (words(payload).isEmpty()) {
                    return; // an empty cue says nothing
                }
                throw refusal(line, "the cue names no speaker: give it a <v Name> tag or start it with \"Name:\"");
            }
            spans.add(new String[] {named.group(1), named.group(2)});
        }
        for (String[] span : spans) {
            String name = words(span[0]);
            String said = words(span[1]);
            if (name.isEmpty()) {
                throw refusal(line, "a <v> tag names no speaker");
            }
            if (said.isEmpty()) {
                continue;
            }
            Speech last = speeches.isEmpty() ? null : speeches.get(speeches.size() - 1);
            if (last != null && last.speaker().equals(name)) {
                speeches.set(speeches.size() - 1, new Speech(name, last.at(), last.text() + " " + said, last.line()));
            } else {
                speeches.add(new Speech(name, at, said, line));
            }
        }
    }

    private static List<Speech> plain(List<String> lines) {
        List<Speech> speeches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher named = NAMED_PLAIN.matcher(line);
            if (named.matches() && named.group(1).codePoints().anyMatch(Character::isLetter)) {
                String said = named.group(2) == null ? "" : named.group(2).strip();
                speeches.add(new Speech(named.group(1).strip(), Duration.ofSeconds(speeches.size()), said, i + 1));
            } else if (speeches.isEmpty()) {
                throw refusal(
                        i + 1,
                        "not a transcript: a WebVTT file opens with WEBVTT, and a plain one with a turn such as"
                                + " \"Name: what they said\"");
            } else {
                Speech last = speeches.remove(speeches.size() - 1);
                String said = last.text().isEmpty() ? line.strip() : last.text() + " " + line.strip();
                speeches.add(new Speech(last.speaker(), last.at(), said, last.line()));
            }
        }
        for (Speech speech : speeches) {
            if (speech.text().isEmpty()) {
                throw refusal(speech.line(), speech.speaker() + " says nothing in this turn");
            }
        }
        return speeches;
    }

    /** The words of cue text: tags dropped, character references decoded, white space collapsed. */
    private static String words(String cueText) {
        String untagged = TAG.matcher(cueText).replaceAll("");
        return Parser.unescapeEntities(untagged, false)
                .replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static Duration time(String timestamp, int line) {
        String[] parts = timestamp.split(":");
        int n = parts.length;
        long hours = n == 3 ? Long.parseLong(parts[0]) : 0;
        int minutes = Integer.parseInt(parts[n - 2]);
        String[] seconds = parts[n - 1].split("\\.");
        int whole = Integer.parseInt(seconds[0]);
        if (minutes > 59 || whole > 59) {
            throw refusal(line, timestamp + " is not a time: minutes and seconds go up to 59");
        }
        return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(whole).plusMillis(Integer.parseInt(seconds[1]));
    }

    private static InvalidFieldException refusal(int line, String reason) {
        return new InvalidFieldException("file", "line " + line + ": " + reason);
    }
}
