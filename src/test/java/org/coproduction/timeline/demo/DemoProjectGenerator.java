package org.coproduction.timeline.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Generates the demo project: a three-year coproduced study of Peer Worker roles in mental health services, told as
 * the JSON Lines history its team would have recorded (meetings with coded contributions, decisions and their
 * influences, reflective diaries, interviews, corrections).
 *
 * <p>The output depends only on the seed: no clock, no entropy. Lines come in recorded order and every line satisfies
 * the rules of the v1 contract when imported in file order, so the file can be imported as it is.
 *
 * <p>The application does not run it: it ships the default seed's output as the resource {@link DemoLoader#RESOURCE},
 * which {@code DemoResourceTest} holds equal to {@link #events()} line for line ({@code scripts/demo-resource}
 * regenerates it). Tests and benches use it for other seeds and studies.
 */
public final class DemoProjectGenerator {

    /** The seed behind the published demo file (the project's first day). */
    public static final long DEFAULT_SEED = 20_210_111L;

    public static final String DEMO_PROJECT_ID = DemoLoader.PROJECT_ID;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SCHEMA_VERSION = 1;

    // The study's calendar.
    private static final LocalDate PROJECT_START = LocalDate.of(2021, 1, 11);
    private static final LocalDate LAST_MEETING_WEEK = LocalDate.of(2023, 12, 11);
    private static final Instant PROJECT_CLOSED_AT = utc(LocalDate.of(2024, 1, 31), 17, 0);
    /** The member who withdraws consent before the project closes. */
    public static final String WITHDRAWN_MEMBER = "janet-holloway";
    /** Late paperwork has to land before the close: the system refuses anything after ProjectClosed. */
    private static final String REPORT_DEFINITION = "We took involvement to mean research done with or by people"
            + " who use mental health services and their carers, not to, about or for them. Here that meant peer"
            + " workers, service users and carers on the team from design to dissemination, paid at the"
            + " university's researcher grade, sharing decisions by consensus where we could.";

    private static final String REPORT_REFLECTIONS_DRAFT = "Evening meetings and paid roles helped. To be finished.";
    private static final String REPORT_REFLECTIONS = "What went well: evening advisory meetings and paid roles"
            + " brought carers and peer workers to the table, and the interview schedule changed after their"
            + " challenges.\n\nWhat did not: the jargon-free glossary came late, and in analysis the academics"
            + " still spoke most; rotating the chair came too late to change that.\n\nWhat we would do"
            + " differently: agree how disagreements are settled before the first meeting, and budget for"
            + " training in qualitative analysis for everyone who wants it.";
    private static final Instant LAST_RECORDING_AT = PROJECT_CLOSED_AT.minus(Duration.ofDays(1));

    private static final int WORKING_DAY_START_HOUR = 9;
    private static final Duration CORE_TEAM_JOINS_AFTER_START = Duration.ofMinutes(15);
    private static final Duration LATE_JOINERS_JOIN_AFTER_PHASE_START = Duration.ofMinutes(30);
    private static final Instant LEAVER_LEAVES_AT = utc(LocalDate.of(2022, 3, 31), 17, 0);
    private static final LocalDate REPLACEMENT_JOINS_ON = LocalDate.of(2022, 4, 4);

    // Meeting rhythm: fortnightly team meetings, quarterly steering, advisory group every two months.
    private static final int TEAM_MEETING_EVERY_WEEKS = 2;
    private static final int STEERING_EVERY_WEEKS = 13;
    private static final int STEERING_WEEK_OFFSET = 6;
    private static final int ADVISORY_EVERY_WEEKS = 8;
    private static final int ADVISORY_WEEK_OFFSET = 3;
    private static final int MIN_ATTENDEES = 4;
    private static final int FIRST_CHRISTMAS_BREAK_DAY = 20;
    private static final int LAST_NEW_YEAR_BREAK_DAY = 3;

    // Minutes are typed up the same afternoon or the next working day.
    private static final double MINUTES_SAME_DAY_SHARE = 0.4;

    // How talk is spread within a meeting.
    private static final double QUIET_DAY_SHARE = 0.12;
    private static final double QUIET_DAY_FACTOR = 0.15;
    private static final double MOOD_MIN = 0.6;
    private static final double MOOD_RANGE = 0.8;
    private static final double DECISION_TALK_SHARE = 0.3;
    private static final double SUMMARY_SHARE = 0.5;

    // Decisions: how long they stay open and how their influences are recorded.
    private static final double DECIDED_AT_PROPOSAL_MEETING_SHARE = 0.2;
    private static final int MAX_FURTHER_DISCUSSION_MEETINGS = 3;
    private static final double EXPLICIT_PROPOSAL_SHARE = 0.6;
    private static final int MAX_INFLUENCES_FROM_TALK = 2;
    private static final double DIARY_EVIDENCE_SHARE = 0.6;
    private static final double UNSOURCED_INFLUENCE_SHARE = 0.15;
    private static final double INFLUENCE_NOTE_SHARE = 0.6;
    private static final int MIN_VOTERS = 5;
    private static final int MAX_DELEGATES = 2;
    private static final int MIN_MEETINGS_BEFORE_REVISION = 6;
    private static final int MAX_MEETINGS_BEFORE_REVISION = 12;

    // Reflective diaries.
    private static final int[] REFLECTIONS_PER_MEETING = {1, 2, 2, 3, 3, 4};
    private static final double SAME_DAY_DIARY_SHARE = 0.5;
    private static final int MIN_SAME_DAY_DIARY_DELAY = 60;
    private static final int MAX_SAME_DAY_DIARY_DELAY = 240;
    private static final int LAST_DIARY_HOUR = 23;
    private static final int FIRST_DIARY_HOUR = 8;
    private static final int NEXT_DAY_DIARY_WINDOW = 600;
    private static final int MAX_TYPING_DELAY_MINUTES = 90;
    private static final double LATE_REFLECTION_SHARE = 0.12;
    private static final int MIN_LATE_DAYS = 14;
    private static final int MAX_LATE_DAYS = 42;
    private static final double REFLECTION_ON_DECISION_SHARE = 0.35;
    private static final double REFLECTION_ON_MEETING_SHARE = 0.6;
    private static final double PRIVATE_SHARE_LIVED_EXPERIENCE = 0.5;
    private static final double PRIVATE_SHARE_OTHERS = 0.35;
    private static final double TEAM_REFLECTION_CODED_SHARE = 0.85;
    private static final double PRIVATE_REFLECTION_SELF_CODED_SHARE = 0.4;
    private static final int MAX_CODING_DELAY_DAYS = 10;
    private static final int CODING_SESSION_START_HOUR = 10;
    private static final int CODING_SESSION_WINDOW = 360;
    private static final int MAX_THEMES_PER_REFLECTION = 3;
    private static final Duration LEAVER_FILING_MARGIN = Duration.ofHours(1);

    // Interviews of the team about its own coproduction.
    private static final Instant FIRST_INTERVIEW_ROUND_START = utc(LocalDate.of(2022, 5, 4), 14, 0);
    private static final Instant SECOND_INTERVIEW_ROUND_START = utc(LocalDate.of(2022, 10, 12), 14, 0);
    private static final int EXIT_INTERVIEW_DAYS_BEFORE_LEAVING = 8;
    private static final int MIN_TRANSCRIPTION_DAYS = 3;
    private static final int MAX_TRANSCRIPTION_DAYS = 10;
    private static final int MIN_INTERVIEW_CODES = 2;
    private static final int MAX_INTERVIEW_CODES = 4;

    // Corrections arrive weeks or months after the original record.
    private static final int CONTRIBUTION_RETRACTIONS = 5;
    private static final int INFLUENCE_RETRACTIONS = 3;
    private static final Instant CORRECTABLE_BEFORE = utc(LocalDate.of(2023, 6, 1), 0, 0);
    private static final int MIN_CORRECTION_DELAY_DAYS = 20;
    private static final int MAX_CORRECTION_DELAY_DAYS = 120;
    private static final String WRONG_MEMBER = "coded against the wrong member";
    private static final List<String> CONTRIBUTION_RETRACTION_REASONS = List.of(
            WRONG_MEMBER,
            "duplicate row in the meeting coding sheet",
            "coded in the wrong meeting",
            WRONG_MEMBER,
            "the member asked for the remark to be struck from the minutes");
    private static final List<String> INFLUENCE_RETRACTION_REASONS = List.of(
            WRONG_MEMBER,
            "recorded against the wrong decision",
            "duplicate of an influence recorded at the previous meeting");

    private static final String PROJECT_TITLE = "Peer Worker roles in mental health services: a coproduced study";
    private static final String PROJECT_DESCRIPTION = "A three-year study of how Peer Worker roles are introduced and"
            + " sustained in mental health services, run by a team of service user researchers, peer workers,"
            + " carers, clinicians, managers and academics. The team observed its own meetings, kept reflective"
            + " diaries and interviewed its members to understand how coproduction worked. Names are fictional.";
    private static final String FUNDER = "NIHR HS&DR";

    private static final List<String> DIARY_OPENINGS = List.of(
            "After the %s I kept coming back to %s.",
            "Writing this after the %s; the discussion of %s is still on my mind.",
            "Short note after the %s about %s.",
            "Thinking about how the %s handled %s.");
    private static final List<String> DIARY_CLOSINGS = List.of(
            "",
            "Will raise it at the next team meeting.",
            "Need to talk this through in supervision.",
            "Good meeting overall.",
            "Leaving it there for now.");
    private static final List<String> WORKSHOP_FOCUS = List.of(
            "familiarisation with transcripts",
            "initial coding",
            "codebook review",
            "coding the diaries",
            "theme development",
            "negative cases",
            "peer worker identity",
            "organisational readiness",
            "power in the team",
            "naming the themes",
            "participants' feedback on themes",
            "final theme map");

    // Bales IPA category weights, in Category order. Professionals open the study by giving opinions and
    // orientation while lived-experience members mostly ask and agree; by the end both groups argue the findings.
    private static final double[] PROFESSIONAL_EARLY = {3, 3, 9, 18, 24, 20, 3, 8, 5, 5, 1, 1};
    private static final double[] PROFESSIONAL_LATE = {5, 4, 12, 12, 16, 14, 6, 12, 8, 7, 3, 1};
    private static final double[] LIVED_EXPERIENCE_EARLY = {7, 5, 16, 5, 8, 4, 18, 4, 3, 5, 6, 2};
    private static final double[] LIVED_EXPERIENCE_LATE = {6, 5, 10, 16, 22, 10, 4, 8, 4, 8, 3, 1};

    private static final List<DecisionSpec> DECISIONS = List.of(
            proposal(Phase.DESIGN, "Adopt a realist evaluation framework for the study"),
            proposal(Phase.DESIGN, "Include peer workers from both NHS and voluntary-sector services"),
            proposal(Phase.DESIGN, "Pay service user researchers at the university's researcher grade"),
            proposal(Phase.DESIGN, "Set up a lived experience advisory group"),
            proposal(Phase.DESIGN, "Use a shared online diary for team reflections"),
            proposal(Phase.DESIGN, "Observe and code our own team meetings with Bales IPA"),
            proposal(Phase.DESIGN, "Keep reflective diaries private by default"),
            proposal(Phase.DESIGN, "Rotate the chair of team meetings"),
            revisable(
                    Phase.DESIGN,
                    "Hold advisory group meetings in the evening",
                    "Advisory group meetings alternate between evenings and daytimes",
                    "Two advisory members changed jobs and asked for daytime options"),
            proposal(Phase.DESIGN, "Agree a jargon-free glossary for the team"),
            proposal(Phase.DESIGN, "Define the four case-study sites"),
            proposal(Phase.DESIGN, "Offer supervision and debriefing to all lived-experience members"),
            proposal(Phase.DESIGN, "Budget for travel and childcare for advisory members"),
            proposal(Phase.DESIGN, "Prioritise the research question on peer worker role clarity"),
            proposal(Phase.ETHICS, "Submit to the NHS research ethics committee in June"),
            proposal(Phase.ETHICS, "Write participant information sheets with the advisory group"),
            proposal(Phase.ETHICS, "Add a distress protocol for interviews"),
            proposal(Phase.ETHICS, "Allow participants to choose a peer interviewer"),
            proposal(Phase.ETHICS, "Store audio recordings on the university's secure drive only"),
            revisable(
                    Phase.ETHICS,
                    "Offer a 25 pound voucher to interview participants",
                    "Voucher raised to 30 pounds for every interview participant",
                    "NIHR updated its payment guidance for public contributors"),
            proposal(Phase.ETHICS, "Accept the ethics committee's conditions on lone working"),
            proposal(Phase.ETHICS, "Include team members as participants in the self-study"),
            proposal(Phase.ETHICS, "Seek consent for the team to observe its own meetings"),
            proposal(Phase.RECRUITMENT, "Recruit through peer worker networks as well as trusts"),
            proposal(Phase.RECRUITMENT, "Extend recruitment at the fourth site by six weeks"),
            revisable(
                    Phase.RECRUITMENT,
                    "Lower the interview target from 60 to 48",
                    "Interview target lowered further to 42",
                    "Two sites paused research activity during winter staffing pressures"),
            proposal(Phase.RECRUITMENT, "Co-deliver recruitment talks with a peer worker"),
            proposal(Phase.RECRUITMENT, "Advertise the study on service user forums"),
            proposal(Phase.RECRUITMENT, "Include peer workers on fixed-term contracts"),
            proposal(Phase.RECRUITMENT, "Send interview reminders by text message"),
            proposal(Phase.RECRUITMENT, "Offer online interviews alongside face-to-face ones"),
            proposal(Phase.RECRUITMENT, "Recruit managers of peer workers at each site"),
            proposal(Phase.RECRUITMENT, "Translate the study flyer into Urdu and Polish"),
            proposal(Phase.DATA_COLLECTION, "Pair each academic interviewer with a service user researcher"),
            revisable(
                    Phase.DATA_COLLECTION,
                    "Revise the topic guide after the pilot interviews",
                    "Topic guide revised again to ask about supervision and support",
                    "Peer workers in the first interviews raised supervision without being asked"),
            proposal(Phase.DATA_COLLECTION, "Debrief the interviewer after every interview"),
            proposal(Phase.DATA_COLLECTION, "Use member checking for interview summaries"),
            proposal(Phase.DATA_COLLECTION, "Pause interviews at one site during the staffing crisis"),
            proposal(Phase.DATA_COLLECTION, "Add a focus group with peer worker managers"),
            proposal(Phase.DATA_COLLECTION, "Write field notes after every observed meeting"),
            proposal(Phase.DATA_COLLECTION, "Transcribe interviews through an external service"),
            proposal(Phase.DATA_COLLECTION, "Hold a mid-point reflection day for the team"),
            proposal(Phase.DATA_COLLECTION, "Stop data collection at the fourth site at saturation"),
            proposal(Phase.DATA_COLLECTION, "Interview team members who have left the study"),
            proposal(Phase.DATA_COLLECTION, "Share anonymised extracts with the advisory group"),
            proposal(Phase.DATA_COLLECTION, "Schedule interviews around peer workers' shifts"),
            proposal(Phase.DATA_COLLECTION, "Keep a decision log visible to the whole team"),
            revisable(
                    Phase.ANALYSIS,
                    "Use framework analysis for the interview data",
                    "Framework analysis kept for interviews, reflexive thematic analysis added for the diaries",
                    "The framework matrices did not fit the diary entries"),
            proposal(Phase.ANALYSIS, "Code the first transcripts together in workshops"),
            proposal(Phase.ANALYSIS, "Include lived-experience codes in the codebook"),
            proposal(Phase.ANALYSIS, "Let service user researchers lead the theme on role identity"),
            proposal(Phase.ANALYSIS, "Analyse reflective diaries alongside the interviews"),
            proposal(Phase.ANALYSIS, "Present competing interpretations rather than forcing consensus"),
            proposal(Phase.ANALYSIS, "Use NVivo for shared coding"),
            proposal(Phase.ANALYSIS, "Merge the themes on boundaries and burnout"),
            proposal(Phase.ANALYSIS, "Name the central theme 'being the bridge'"),
            proposal(Phase.ANALYSIS, "Return initial themes to participants for comment"),
            proposal(Phase.ANALYSIS, "Compare participation in team meetings phase by phase"),
            proposal(Phase.ANALYSIS, "Report silent attendance as well as contributions"),
            proposal(Phase.ANALYSIS, "Double-code a ten percent sample of transcripts"),
            proposal(Phase.ANALYSIS, "Hold an extra workshop on tokenism"),
            proposal(Phase.ANALYSIS, "Frame the findings around what made coproduction work"),
            proposal(Phase.WRITE_UP, "Co-lead the main paper with a service user researcher"),
            proposal(Phase.WRITE_UP, "Write a plain-English summary for every chapter"),
            revisable(
                    Phase.WRITE_UP,
                    "Agree authorship order by contribution",
                    "Authorship order changed so that a service user researcher is first author on the main paper",
                    "The service user researchers led the analysis of the central theme"),
            proposal(Phase.WRITE_UP, "Include a GRIPP2 reporting table in the final report"),
            proposal(Phase.WRITE_UP, "Write a separate paper on coproducing the study itself"),
            proposal(Phase.WRITE_UP, "Use first-person accounts from team members"),
            proposal(Phase.WRITE_UP, "Submit the main paper to the NIHR journal first"),
            proposal(Phase.WRITE_UP, "Ask the advisory group to review the draft report"),
            proposal(Phase.WRITE_UP, "Describe disagreements in the team openly in the report"),
            proposal(Phase.WRITE_UP, "Credit advisory members by name"),
            proposal(Phase.DISSEMINATION, "Co-present at conferences in mixed pairs"),
            proposal(Phase.DISSEMINATION, "Produce an animation for peer workers"),
            proposal(Phase.DISSEMINATION, "Hold a launch event with the participating trusts"),
            proposal(Phase.DISSEMINATION, "Write practice guidance on employing peer workers"),
            proposal(Phase.DISSEMINATION, "Publish the coding frame openly"),
            proposal(Phase.DISSEMINATION, "Run workshops for service managers"),
            proposal(Phase.DISSEMINATION, "Pay advisory members for dissemination work"),
            proposal(Phase.DISSEMINATION, "Archive anonymised data with the UK Data Service"));

    private final long seed;

    public DemoProjectGenerator(long seed) {
        this.seed = seed;
    }

    /** The whole history, one envelope per line, in recorded order. Each call builds a fresh, identical copy. */
    public List<ObjectNode> events() {
        return new Run(seed).generate();
    }

    /** Writes the history as JSON Lines: one compact object per line, each ending with {@code \n}. */
    public void writeTo(Writer out) throws IOException {
        write(events(), out);
    }

    /** Writes the history as JSON Lines (UTF-8) to {@code file}, replacing what it held. */
    public void writeTo(Path file) throws IOException {
        write(events(), file);
    }

    /** Writes lines of {@link #events()} as JSON Lines (UTF-8) to {@code file}, replacing what it held. */
    public static void write(List<ObjectNode> events, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, out);
        }
    }

    private static void write(List<ObjectNode> events, Writer out) throws IOException {
        for (ObjectNode line : events) {
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Writes the demo history with the default seed to the file named by the first argument, or to standard output
     * when there is none. An optional second argument overrides the seed.
     */
    public static void main(String[] args) throws IOException {
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        DemoProjectGenerator generator = new DemoProjectGenerator(seed);
        if (args.length == 0) {
            // Not closed: closing would close System.out for the rest of the JVM.
            Writer stdout = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            generator.writeTo(stdout);
            return;
        }
        generator.writeTo(Path.of(args[0]));
    }

    private static Instant utc(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static DecisionSpec proposal(Phase phase, String title) {
        return new DecisionSpec(phase, title, null, null);
    }

    private static DecisionSpec revisable(Phase phase, String title, String revisedOutcome, String revisionReason) {
        return new DecisionSpec(phase, title, revisedOutcome, revisionReason);
    }

    private enum Phase {
        DESIGN(
                "design",
                "Design",
                LocalDate.of(2021, 1, 11),
                "the research questions",
                "the study protocol",
                "the involvement budget",
                "the theory of change",
                "the advisory group's terms of reference"),
        ETHICS(
                "ethics",
                "Ethics and approvals",
                LocalDate.of(2021, 5, 10),
                "the ethics application",
                "the participant information sheet",
                "the distress protocol",
                "the consent forms",
                "the committee's feedback"),
        RECRUITMENT(
                "recruitment",
                "Recruitment",
                LocalDate.of(2021, 9, 6),
                "recruitment at the sites",
                "the study flyer",
                "the sampling frame",
                "contact with peer worker networks",
                "recruitment numbers"),
        DATA_COLLECTION(
                "data-collection",
                "Data collection",
                LocalDate.of(2022, 1, 10),
                "the interview schedule",
                "the topic guide",
                "field notes",
                "the pilot interviews",
                "interview debriefs"),
        ANALYSIS(
                "analysis",
                "Analysis",
                LocalDate.of(2022, 9, 5),
                "the coding framework",
                "the emerging themes",
                "the diary data",
                "coding disagreements",
                "the analysis timeline"),
        WRITE_UP(
                "write-up",
                "Write-up",
                LocalDate.of(2023, 3, 6),
                "the final report",
                "the draft paper",
                "authorship",
                "the plain-English summary",
                "the GRIPP2 table"),
        DISSEMINATION(
                "dissemination",
                "Dissemination",
                LocalDate.of(2023, 7, 3),
                "the launch event",
                "conference abstracts",
                "the practice guidance",
                "the animation script",
                "the impact plan");

        final String id;
        final String label;
        final LocalDate startDate;
        final List<String> topics;

        Phase(String id, String label, LocalDate startDate, String... topics) {
            this.id = id;
            this.label = label;
            this.startDate = startDate;
            this.topics = List.of(topics);
        }

        Instant start() {
            return utc(startDate, WORKING_DAY_START_HOUR, 0);
        }

        /** 0 in the first phase and 1 in the last: drives the gradual shift in who speaks and how. */
        double progress() {
            return ordinal() / (double) (values().length - 1);
        }

        static Phase at(Instant instant) {
            Phase current = DESIGN;
            for (Phase phase : values()) {
                if (!phase.start().isAfter(instant)) {
                    current = phase;
                }
            }
            return current;
        }
    }

    /** Perspectives with how much room each had to speak, phase by phase (Design first). */
    private enum Perspective {
        SERVICE_USER(true, 0.7, 0.6, 1.0, 1.4, 2.6, 1.8, 2.6),
        CARER(true, 0.6, 0.5, 0.8, 1.0, 1.6, 1.2, 1.8),
        PEER_WORKER(true, 0.6, 0.5, 1.2, 1.5, 2.4, 1.6, 2.4),
        CLINICIAN(false, 2.6, 2.8, 2.0, 1.4, 1.0, 1.2, 1.0),
        ACADEMIC(false, 3.0, 3.0, 2.2, 2.0, 1.4, 1.8, 1.2),
        MANAGER(false, 1.8, 2.0, 2.2, 1.2, 0.8, 0.8, 1.2);

        final boolean livedExperience;
        private final double[] voiceByPhase;

        Perspective(boolean livedExperience, double... voiceByPhase) {
            this.livedExperience = livedExperience;
            this.voiceByPhase = voiceByPhase;
        }

        double voiceIn(Phase phase) {
            return voiceByPhase[phase.ordinal()];
        }
    }

    /** Roles with their diary habit and how likely they are at each kind of meeting (MeetingKind order). */
    private enum Role {
        CHIEF_INVESTIGATOR(1.5, 0.95, 1.0, 0.6, 0.8),
        CO_INVESTIGATOR(0.7, 0.55, 0.9, 0.2, 0.4),
        RESEARCHER(2.0, 0.92, 0.6, 0.5, 1.0),
        SERVICE_USER_RESEARCHER(3.0, 0.85, 0.7, 0.9, 0.95),
        PEER_WORKER(3.0, 0.8, 0.5, 0.85, 0.9),
        ADVISORY_MEMBER(1.0, 0.08, 0.8, 0.95, 0.3),
        OBSERVER(3.0, 0.7, 0.8, 0.5, 0.6);

        final double diaryPropensity;
        private final double[] attendanceByKind;

        Role(double diaryPropensity, double... attendanceByKind) {
            this.diaryPropensity = diaryPropensity;
            this.attendanceByKind = attendanceByKind;
        }

        double attendance(MeetingKind kind) {
            return attendanceByKind[kind.ordinal()];
        }
    }

    private enum MeetingKind {
        TEAM("team meeting", 90, 24, 40),
        STEERING("steering committee", 120, 30, 42),
        ADVISORY("advisory group", 90, 20, 32),
        ANALYSIS_WORKSHOP("analysis workshop", 180, 42, 60);

        final String label;
        final int minutes;
        final int minTurns;
        final int maxTurns;

        MeetingKind(String label, int minutes, int minTurns, int maxTurns) {
            this.label = label;
            this.minutes = minutes;
            this.minTurns = minTurns;
            this.maxTurns = maxTurns;
        }
    }

    /** The 12 Bales IPA categories, in the contract's order, with how a minute-taker would summarise each. */
    private enum Category {
        SHOWS_SOLIDARITY("welcomed the points made about %s", "offered support to a colleague during the talk on %s"),
        SHOWS_TENSION_RELEASE("lightened the mood while discussing %s", "joked about %s and the room relaxed"),
        AGREES("agreed with %s", "said they were happy with %s"),
        GIVES_SUGGESTION("suggested a change to %s", "proposed a way forward on %s"),
        GIVES_OPINION("gave a view on %s", "argued a position on %s"),
        GIVES_ORIENTATION("summarised where things stand on %s", "explained the background to %s"),
        ASKS_FOR_ORIENTATION("asked for background on %s", "asked what had been agreed about %s"),
        ASKS_FOR_OPINION("asked the group for views on %s", "asked the lived-experience members about %s"),
        ASKS_FOR_SUGGESTION("asked how to take forward %s", "asked for ideas on %s"),
        DISAGREES("disagreed with %s", "questioned the reasoning behind %s"),
        SHOWS_TENSION("said they felt uneasy about %s", "sounded frustrated about %s"),
        SHOWS_ANTAGONISM("challenged how %s had been handled", "objected sharply to %s");

        final List<String> summaries;

        Category(String... summaries) {
            this.summaries = List.of(summaries);
        }

        /** Which influence a turn on a decision amounts to; questions and jokes influence nothing. */
        InfluenceKind influence(boolean livedExperience) {
            return switch (this) {
                case SHOWS_SOLIDARITY, AGREES -> InfluenceKind.SUPPORTED;
                case DISAGREES, SHOWS_TENSION, SHOWS_ANTAGONISM -> InfluenceKind.OPPOSED;
                case GIVES_SUGGESTION -> InfluenceKind.AMENDED;
                case GIVES_OPINION, GIVES_ORIENTATION -> livedExperience
                        ? InfluenceKind.LIVED_EXPERIENCE
                        : InfluenceKind.EVIDENCED;
                default -> null;
            };
        }
    }

    private enum InfluenceKind {
        PROPOSED("tabled the proposal"),
        SUPPORTED("spoke in favour", "backed the proposal when it was questioned"),
        OPPOSED("argued against", "raised concerns that delayed the decision"),
        AMENDED("suggested an amendment that was taken up", "reworded the proposal"),
        EVIDENCED("brought evidence from the literature", "shared figures from the sites"),
        LIVED_EXPERIENCE("drew on their own experience of services", "described what it is like on the receiving end");

        final List<String> notes;

        InfluenceKind(String... notes) {
            this.notes = List.of(notes);
        }
    }

    /** Decision methods with their weight in each phase (Design first): lived-experience leadership grows. */
    private enum DecisionMethod {
        CONSENSUS(50, 45, 55, 55, 50, 55, 50),
        VOTE(10, 5, 10, 10, 10, 15, 5),
        LEAD_DECIDED(30, 35, 15, 10, 5, 10, 5),
        DELEGATED(10, 15, 15, 15, 10, 5, 10),
        SERVICE_USER_LED(0, 0, 5, 10, 25, 15, 30);

        private final double[] weightByPhase;

        DecisionMethod(double... weightByPhase) {
            this.weightByPhase = weightByPhase;
        }

        double weightIn(Phase phase) {
            return weightByPhase[phase.ordinal()];
        }
    }

    private enum Visibility {
        PRIVATE,
        TEAM
    }

    /**
     * The project's codebook for diaries and interviews, with its early and late prevalence, and diary sentences
     * written from a lived-experience standpoint and from a professional one.
     */
    private enum Theme {
        POWER(
                "power",
                "power in the team",
                3.0,
                2.0,
                List.of(
                        "It was obvious who set the agenda, and it was not us.",
                        "I noticed the senior academics' views carried more weight when it came to deciding.",
                        "For once the balance of the room felt different; the service user researchers led it."),
                List.of(
                        "I caught myself steering the discussion again and need to leave more room.",
                        "The room still deferred to the academics; I should have asked the service user"
                                + " researchers first.",
                        "The lived-experience members set the terms of the discussion today, and it was better"
                                + " for it.")),
        TRUST(
                "trust",
                "trust between members",
                2.0,
                3.0,
                List.of(
                        "I felt able to say what I really thought, which says a lot about how far we have come.",
                        "I am not sure everyone trusts the lived-experience members with the data yet.",
                        "People followed up on what I said last time, and that builds trust."),
                List.of(
                        "The team is starting to disagree openly, which I read as trust.",
                        "I worry the lived-experience members do not yet trust us with their stories.",
                        "It felt like a team today rather than a project board.")),
        LIVED_EXPERIENCE_VALUED(
                "lived-experience-valued",
                "lived experience being valued",
                1.0,
                3.5,
                List.of(
                        "My own experience of using services was treated as evidence, not anecdote.",
                        "The team asked me to explain how it feels on the ward, and then changed the plan.",
                        "Someone said our perspective made the findings sharper."),
                List.of(
                        "Hearing what life on the ward is really like changed my view completely.",
                        "Service user input made the plan more realistic than the version I drafted.",
                        "The peer workers saw something in the data that none of us had noticed.")),
        TOKENISM(
                "tokenism",
                "tokenism",
                3.0,
                1.0,
                List.of(
                        "I felt invited to the table but not to the decision.",
                        "The papers arrived the night before, so we could only nod along.",
                        "Being asked to add the service user view at the very end felt like ticking a box."),
                List.of(
                        "I am uneasy that we consulted the advisory group only after the decision was made.",
                        "We asked for the service user view at the end again; that is tokenism and I was part"
                                + " of it.",
                        "The papers went out too late for anyone without protected time to read them.")),
        EMOTIONAL_LABOUR(
                "emotional-labour",
                "emotional labour",
                1.5,
                2.5,
                List.of(
                        "Talking about crisis care again brought a lot back; I needed time afterwards.",
                        "Holding other people's stories is heavier than I expected.",
                        "I spent the meeting managing my own reactions as much as contributing."),
                List.of(
                        "The discussion of crisis care was hard on everyone; I should check in with the peer"
                                + " workers.",
                        "I underestimated how draining the interviews would be for the lived-experience"
                                + " researchers.",
                        "Chairing a meeting where people are this invested is tiring in a way I did not expect.")),
        ROLE_CLARITY(
                "role-clarity",
                "role clarity",
                3.0,
                1.5,
                List.of(
                        "I am still not clear whether I am here as a researcher or as a peer worker.",
                        "We agreed who does what, which helped a lot.",
                        "The line between my NHS job and this study blurred again."),
                List.of(
                        "We still have not agreed what the peer workers are responsible for in the study.",
                        "Clarifying who leads each work package took too long, but it had to be done.",
                        "I am not sure whether I am observing this team or part of it.")),
        TIME_PRESSURE(
                "time-pressure",
                "time pressure",
                2.5,
                2.0,
                List.of(
                        "Everything was rushed because of the funder's deadline.",
                        "There was no time to check what the advisory group thought.",
                        "The timetable meant we skipped the part of the discussion I cared about."),
                List.of(
                        "Everything was rushed because of the funder's deadline.",
                        "We cut the advisory group's item short to keep to the timetable.",
                        "Coproduction takes longer than the Gantt chart allows.")),
        LEARNING(
                "learning",
                "learning from each other",
                1.5,
                3.0,
                List.of(
                        "I learned a lot from how the clinicians framed the problem.",
                        "I am getting more confident with coding and with challenging interpretations.",
                        "Seeing the data through a peer worker's eyes changed how I read the transcripts."),
                List.of(
                        "I learned more from the peer workers' reading of the transcripts than from the"
                                + " literature.",
                        "Coproduction is slower, and the findings are better for it.",
                        "I am learning to hold back and let the quieter voices come in."));

        final String code;
        final String phrase;
        private final double earlyWeight;
        private final double lateWeight;
        final List<String> livedExperienceSentences;
        final List<String> professionalSentences;

        Theme(
                String code,
                String phrase,
                double earlyWeight,
                double lateWeight,
                List<String> livedExperienceSentences,
                List<String> professionalSentences) {
            this.code = code;
            this.phrase = phrase;
            this.earlyWeight = earlyWeight;
            this.lateWeight = lateWeight;
            this.livedExperienceSentences = livedExperienceSentences;
            this.professionalSentences = professionalSentences;
        }

        double weightIn(Phase phase) {
            double progress = phase.progress();
            return earlyWeight * (1 - progress) + lateWeight * progress;
        }
    }

    private record DecisionSpec(Phase phase, String title, String revisedOutcome, String revisionReason) {}

    private record MemberState(Instant from, Role role, List<Perspective> perspectives) {}

    private record PlannedMeeting(MeetingKind kind, Instant start) {}

    private record PendingEvent(long seq, String type, Instant recordedAt, ObjectNode data) {}

    /** A team reflection's text or an interview's summary, kept to code passages of it, with its themes' words. */
    private record CodableText(
            String source, String id, Member member, Instant recordedAt, String text, Map<Theme, String> words) {}

    /**
     * The passages the team codes in its analysis phase (docs/codebook.md), a small table: days after
     * the phase starts, the kind of text, which of those recorded by then (in order), and which of
     * its themes' words are coded with that theme; the first is recoded a week later with a second.
     */
    private record PassagePlan(int day, String source, int text, int theme) {}

    private static final List<PassagePlan> PASSAGES = List.of(
            new PassagePlan(14, "INTERVIEW", 0, 0),
            new PassagePlan(14, "INTERVIEW", 1, 1),
            new PassagePlan(14, "REFLECTION", 0, 0),
            new PassagePlan(15, "REFLECTION", 1, 0),
            new PassagePlan(15, "INTERVIEW", 2, 2),
            new PassagePlan(15, "REFLECTION", 2, 0));

    private static final class Member {
        final String id;
        final String name;
        /** How much this person tends to speak, whatever the phase. */
        final double talkativeness;

        final Instant joinedAt;
        final List<MemberState> states = new ArrayList<>();
        Instant leftAt;

        Member(String id, String name, double talkativeness, Instant joinedAt, Role role, Perspective... perspectives) {
            this.id = id;
            this.name = name;
            this.talkativeness = talkativeness;
            this.joinedAt = joinedAt;
            states.add(new MemberState(joinedAt, role, List.of(perspectives)));
        }

        boolean isMemberAt(Instant instant) {
            return !instant.isBefore(joinedAt) && (leftAt == null || instant.isBefore(leftAt));
        }

        MemberState stateAt(Instant instant) {
            MemberState current = states.get(0);
            for (MemberState state : states) {
                if (!state.from().isAfter(instant)) {
                    current = state;
                }
            }
            return current;
        }

        Role roleAt(Instant instant) {
            return stateAt(instant).role();
        }

        Perspective primaryAt(Instant instant) {
            return stateAt(instant).perspectives().get(0);
        }

        boolean livedExperienceAt(Instant instant) {
            return stateAt(instant).perspectives().stream().anyMatch(p -> p.livedExperience);
        }
    }

    private static final class Meeting {
        final int index;
        final String id;
        final MeetingKind kind;
        final Phase phase;
        final Instant start;
        final Instant end;
        final Instant minutesAt;
        final List<Member> attendees;
        /** Decisions open during the meeting, including those proposed in it. */
        final List<Decision> agenda;

        Meeting(
                int index,
                MeetingKind kind,
                Instant start,
                Instant minutesAt,
                List<Member> attendees,
                List<Decision> agenda) {
            this.index = index;
            this.id = String.format("m-%03d", index + 1);
            this.kind = kind;
            this.phase = Phase.at(start);
            this.start = start;
            this.end = start.plus(Duration.ofMinutes(kind.minutes));
            this.minutesAt = minutesAt;
            this.attendees = attendees;
            this.agenda = agenda;
        }

        List<Member> speakingAttendees() {
            return attendees.stream()
                    .filter(m -> m.roleAt(start) != Role.OBSERVER)
                    .toList();
        }
    }

    private static final class Decision {
        final String id;
        final DecisionSpec spec;
        final int proposalMeeting;
        final int decisionMeeting;
        Member proposer;
        Instant proposedAt;
        Contribution proposal;
        int supported;
        int opposed;
        int amended;

        Decision(String id, DecisionSpec spec, int proposalMeeting, int decisionMeeting) {
            this.id = id;
            this.spec = spec;
            this.proposalMeeting = proposalMeeting;
            this.decisionMeeting = decisionMeeting;
        }

        String topic() {
            return "the proposal to " + lowerFirst(spec.title());
        }

        void count(InfluenceKind kind) {
            switch (kind) {
                case SUPPORTED -> supported++;
                case OPPOSED -> opposed++;
                case AMENDED -> amended++;
                default -> {}
            }
        }
    }

    private static final class Contribution {
        final String id;
        final Meeting meeting;
        final Member member;
        final Category category;
        final Decision decision;
        final String summary;
        final Instant at;
        /** Cited as the source of an influence: retracting it would leave that influence pointing at nothing. */
        boolean evidence;

        Contribution(
                String id,
                Meeting meeting,
                Member member,
                Category category,
                Decision decision,
                String summary,
                Instant at) {
            this.id = id;
            this.meeting = meeting;
            this.member = member;
            this.category = category;
            this.decision = decision;
            this.summary = summary;
            this.at = at;
        }
    }

    private record Influence(
            String id, Decision decision, Meeting meeting, Member member, InfluenceKind kind, Instant at) {}

    private static final class Reflection {
        final String id;
        final Member author;
        final Decision decision;
        final Visibility visibility;
        final Instant at;
        final Instant recordedAt;
        boolean usedAsEvidence;

        Reflection(String id, Member author, Decision decision, Visibility visibility, Instant at, Instant recordedAt) {
            this.id = id;
            this.author = author;
            this.decision = decision;
            this.visibility = visibility;
            this.at = at;
            this.recordedAt = recordedAt;
        }
    }

    /** One generation: all mutable state lives here so that every call to events() starts from the seed. */
    private static final class Run {
        private final long seed;
        private final SplittableRandom random;
        private final List<PendingEvent> pending = new ArrayList<>();
        private final List<Member> team = buildTeam();
        private final List<PlannedMeeting> plan = planMeetings();
        private final List<List<Decision>> proposedAtMeeting = new ArrayList<>();
        private final List<List<Decision>> decidedAtMeeting = new ArrayList<>();
        private final List<List<Decision>> revisedAtMeeting = new ArrayList<>();
        private final List<Decision> openDecisions = new ArrayList<>();
        private final List<Contribution> contributions = new ArrayList<>();
        private final List<Influence> influences = new ArrayList<>();
        private final List<Reflection> reflections = new ArrayList<>();
        private final List<CodableText> codableTexts = new ArrayList<>();
        private final Map<MeetingKind, Integer> meetingsOfKind = new EnumMap<>(MeetingKind.class);
        private Instant lastMinutesAt = PROJECT_START.atStartOfDay().toInstant(ZoneOffset.UTC);
        private int influenceCount;
        private int interviewCount;

        Run(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        List<ObjectNode> generate() {
            registerProject();
            startPhases();
            recordTeamChanges();
            scheduleDecisions();
            for (int index = 0; index < plan.size(); index++) {
                holdMeeting(index);
            }
            recordInterviews();
            defineCodebook();
            codePassages();
            retractContributions();
            retractInfluences();
            writeReportItems();
            withdrawConsent();
            closeProject();
            return envelopesInRecordedOrder();
        }

        // ---- The team and the calendar ----

        private static List<Member> buildTeam() {
            Instant start = utc(PROJECT_START, WORKING_DAY_START_HOUR, 0).plus(CORE_TEAM_JOINS_AFTER_START);
            Member peerWorker = new Member(
                    "gareth-lloyd",
                    "Gareth Lloyd",
                    1.0,
                    start,
                    Role.PEER_WORKER,
                    Perspective.PEER_WORKER,
                    Perspective.SERVICE_USER);
            Member leaver =
                    new Member("marcus-reid", "Dr Marcus Reid", 0.8, start, Role.RESEARCHER, Perspective.ACADEMIC);
            List<Member> team = List.of(
                    new Member(
                            "helen-marsh",
                            "Prof Helen Marsh",
                            1.3,
                            start,
                            Role.CHIEF_INVESTIGATOR,
                            Perspective.ACADEMIC,
                            Perspective.CLINICIAN),
                    new Member(
                            "david-okafor", "Dr David Okafor", 1.1, start, Role.CO_INVESTIGATOR, Perspective.ACADEMIC),
                    new Member(
                            "priya-raman", "Dr Priya Raman", 1.0, start, Role.CO_INVESTIGATOR, Perspective.CLINICIAN),
                    new Member(
                            "sarah-whitfield",
                            "Sarah Whitfield",
                            0.9,
                            start,
                            Role.CO_INVESTIGATOR,
                            Perspective.MANAGER,
                            Perspective.CLINICIAN),
                    new Member(
                            "tom-brennan",
                            "Tom Brennan",
                            1.0,
                            start,
                            Role.SERVICE_USER_RESEARCHER,
                            Perspective.SERVICE_USER),
                    new Member(
                            "aisha-karim",
                            "Aisha Karim",
                            1.1,
                            start,
                            Role.SERVICE_USER_RESEARCHER,
                            Perspective.SERVICE_USER,
                            Perspective.CARER),
                    peerWorker,
                    new Member(
                            "emma-castellano", "Dr Emma Castellano", 1.0, start, Role.RESEARCHER, Perspective.ACADEMIC),
                    leaver,
                    new Member("janet-holloway", "Janet Holloway", 0.6, start, Role.ADVISORY_MEMBER, Perspective.CARER),
                    new Member(
                            "winston-adeyemi",
                            "Winston Adeyemi",
                            0.8,
                            start,
                            Role.ADVISORY_MEMBER,
                            Perspective.SERVICE_USER),
                    // The ethnographer who observes the team; she almost never speaks in meetings.
                    new Member(
                            "fiona-mcallister",
                            "Dr Fiona McAllister",
                            0.05,
                            start,
                            Role.OBSERVER,
                            Perspective.ACADEMIC),
                    new Member(
                            "lena-kowalczyk",
                            "Lena Kowalczyk",
                            0.5,
                            Phase.RECRUITMENT.start().plus(LATE_JOINERS_JOIN_AFTER_PHASE_START),
                            Role.PEER_WORKER,
                            Perspective.PEER_WORKER),
                    new Member(
                            "samuel-osei",
                            "Dr Samuel Osei",
                            0.9,
                            utc(REPLACEMENT_JOINS_ON, WORKING_DAY_START_HOUR, 0)
                                    .plus(LATE_JOINERS_JOIN_AFTER_PHASE_START),
                            Role.RESEARCHER,
                            Perspective.ACADEMIC,
                            Perspective.SERVICE_USER),
                    new Member(
                            "rosa-delgado",
                            "Rosa Delgado",
                            1.0,
                            Phase.ANALYSIS.start().plus(LATE_JOINERS_JOIN_AFTER_PHASE_START),
                            Role.SERVICE_USER_RESEARCHER,
                            Perspective.SERVICE_USER));
            // The peer worker trained as a service user researcher to take part in the analysis.
            peerWorker.states.add(new MemberState(
                    Phase.ANALYSIS.start().plus(LATE_JOINERS_JOIN_AFTER_PHASE_START),
                    Role.SERVICE_USER_RESEARCHER,
                    List.of(Perspective.SERVICE_USER, Perspective.PEER_WORKER)));
            // The second researcher left for a lectureship half-way through data collection.
            leaver.leftAt = LEAVER_LEAVES_AT;
            return team;
        }

        private static List<PlannedMeeting> planMeetings() {
            List<PlannedMeeting> planned = new ArrayList<>();
            for (int week = 0; !PROJECT_START.plusWeeks(week).isAfter(LAST_MEETING_WEEK); week++) {
                LocalDate monday = PROJECT_START.plusWeeks(week);
                if (isHolidayWeek(monday)) {
                    continue;
                }
                boolean analysing = Phase.at(utc(monday, WORKING_DAY_START_HOUR, 0)) == Phase.ANALYSIS;
                if (week % TEAM_MEETING_EVERY_WEEKS == 0) {
                    planned.add(new PlannedMeeting(MeetingKind.TEAM, utc(monday.plusDays(1), 10, 0)));
                } else if (analysing) {
                    // Analysis workshops take the off-weeks between team meetings.
                    planned.add(new PlannedMeeting(MeetingKind.ANALYSIS_WORKSHOP, utc(monday.plusDays(3), 10, 0)));
                }
                if (week % STEERING_EVERY_WEEKS == STEERING_WEEK_OFFSET) {
                    planned.add(new PlannedMeeting(MeetingKind.STEERING, utc(monday.plusDays(3), 14, 0)));
                }
                if (week % ADVISORY_EVERY_WEEKS == ADVISORY_WEEK_OFFSET) {
                    // Evenings, so that advisory members with day jobs can come.
                    planned.add(new PlannedMeeting(MeetingKind.ADVISORY, utc(monday.plusDays(2), 18, 0)));
                }
            }
            planned.sort(Comparator.comparing(PlannedMeeting::start));
            return planned;
        }

        private static boolean isHolidayWeek(LocalDate monday) {
            return (monday.getMonthValue() == 12 && monday.getDayOfMonth() >= FIRST_CHRISTMAS_BREAK_DAY)
                    || (monday.getMonthValue() == 1 && monday.getDayOfMonth() <= LAST_NEW_YEAR_BREAK_DAY);
        }

        private void registerProject() {
            Instant at = utc(PROJECT_START, WORKING_DAY_START_HOUR, 0);
            emit("ProjectRegistered", at, at, data -> data.put("title", PROJECT_TITLE)
                    .put("description", PROJECT_DESCRIPTION)
                    .put("fundedBy", FUNDER));
        }

        private void startPhases() {
            for (Phase phase : Phase.values()) {
                emit("PhaseStarted", phase.start(), phase.start(), data -> data.put("phaseId", phase.id)
                        .put("name", phase.label));
            }
        }

        private void recordTeamChanges() {
            for (Member member : team) {
                MemberState first = member.states.get(0);
                emit("MemberJoined", member.joinedAt, member.joinedAt, data -> {
                    data.put("memberId", member.id)
                            .put("name", member.name)
                            .put("role", first.role().name());
                    perspectives(data, first.perspectives());
                });
                for (MemberState change : member.states.subList(1, member.states.size())) {
                    emit("MemberRoleChanged", change.from(), change.from(), data -> {
                        data.put("memberId", member.id)
                                .put("role", change.role().name());
                        perspectives(data, change.perspectives());
                    });
                }
                if (member.leftAt != null) {
                    emit("MemberLeft", member.leftAt, member.leftAt, data -> data.put("memberId", member.id));
                }
            }
        }

        private static void perspectives(ObjectNode data, List<Perspective> perspectives) {
            ArrayNode array = data.putArray("perspectives");
            perspectives.forEach(p -> array.add(p.name()));
        }

        // ---- Decisions: spread each phase's proposals over its meetings ----

        private void scheduleDecisions() {
            for (int index = 0; index < plan.size(); index++) {
                proposedAtMeeting.add(new ArrayList<>());
                decidedAtMeeting.add(new ArrayList<>());
                revisedAtMeeting.add(new ArrayList<>());
            }
            int number = 0;
            for (Phase phase : Phase.values()) {
                List<Integer> phaseMeetings = new ArrayList<>();
                for (int index = 0; index < plan.size(); index++) {
                    if (Phase.at(plan.get(index).start()) == phase) {
                        phaseMeetings.add(index);
                    }
                }
                List<DecisionSpec> specs =
                        DECISIONS.stream().filter(s -> s.phase() == phase).toList();
                for (int p = 0; p < specs.size(); p++) {
                    int slot = (int) ((p + random.nextDouble()) * phaseMeetings.size() / specs.size());
                    int proposedAt = phaseMeetings.get(slot);
                    int decidedAt = Math.min(proposedAt + discussionLength(), plan.size() - 1);
                    Decision decision =
                            new Decision(String.format("d-%02d", ++number), specs.get(p), proposedAt, decidedAt);
                    proposedAtMeeting.get(proposedAt).add(decision);
                    decidedAtMeeting.get(decidedAt).add(decision);
                }
            }
        }

        private int discussionLength() {
            return chance(DECIDED_AT_PROPOSAL_MEETING_SHARE) ? 0 : between(1, MAX_FURTHER_DISCUSSION_MEETINGS);
        }

        // ---- Meetings ----

        private void holdMeeting(int index) {
            Meeting meeting = openMeeting(index);
            List<Contribution> turns = recordContributions(meeting);
            for (Decision decision : meeting.agenda) {
                recordInfluences(meeting, decision, turns);
            }
            for (Decision decision : decidedAtMeeting.get(index)) {
                makeDecision(meeting, decision);
            }
            for (Decision decision : revisedAtMeeting.get(index)) {
                reviseDecision(meeting, decision);
            }
            writeReflections(meeting);
        }

        private Meeting openMeeting(int index) {
            PlannedMeeting planned = plan.get(index);
            List<Member> attendees = chooseAttendees(planned.kind(), planned.start());
            Instant end = planned.start().plus(Duration.ofMinutes(planned.kind().minutes));
            // Minutes are typed up in meeting order, so a later meeting never reaches the record first.
            lastMinutesAt = latest(minutesRecordedAt(end), lastMinutesAt);
            List<Decision> agenda = new ArrayList<>(openDecisions);
            agenda.addAll(proposedAtMeeting.get(index));
            Meeting meeting = new Meeting(index, planned.kind(), planned.start(), lastMinutesAt, attendees, agenda);
            String title = titleFor(planned.kind(), planned.start());
            emit("MeetingHeld", meeting.start, meeting.minutesAt, data -> {
                data.put("meetingId", meeting.id).put("title", title).put("kind", meeting.kind.name());
                ArrayNode array = data.putArray("attendees");
                attendees.forEach(m -> array.add(m.id));
            });
            return meeting;
        }

        private List<Member> chooseAttendees(MeetingKind kind, Instant start) {
            List<Member> present = new ArrayList<>();
            List<Member> absent = new ArrayList<>();
            for (Member member : team) {
                if (!member.isMemberAt(start)) {
                    continue;
                }
                (chance(member.roleAt(start).attendance(kind)) ? present : absent).add(member);
            }
            while (present.size() < MIN_ATTENDEES && !absent.isEmpty()) {
                present.add(absent.remove(random.nextInt(absent.size())));
            }
            present.sort(Comparator.comparingInt(team::indexOf));
            return present;
        }

        private Instant minutesRecordedAt(Instant end) {
            if (chance(MINUTES_SAME_DAY_SHARE)) {
                return end.plus(fiveMinuteSteps(120, 300));
            }
            LocalDate nextDay = LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(1);
            return utc(nextDay, WORKING_DAY_START_HOUR, 0).plus(fiveMinuteSteps(0, 480));
        }

        private String titleFor(MeetingKind kind, Instant start) {
            int number = meetingsOfKind.merge(kind, 1, Integer::sum);
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            return switch (kind) {
                case TEAM -> "Team meeting " + number;
                case STEERING -> "Study steering committee, Q" + ((day.getMonthValue() - 1) / 3 + 1) + " "
                        + day.getYear();
                case ADVISORY -> "Lived experience advisory group " + number;
                case ANALYSIS_WORKSHOP -> "Analysis workshop " + number + ": "
                        + WORKSHOP_FOCUS.get((number - 1) % WORKSHOP_FOCUS.size());
            };
        }

        private List<Contribution> recordContributions(Meeting meeting) {
            int turns = between(meeting.kind.minTurns, meeting.kind.maxTurns);
            List<Decision> toPropose = proposedAtMeeting.get(meeting.index);
            // Proposals are tabled in the first half of the meeting so that the rest of it can discuss them.
            Map<Integer, Decision> proposalTurns = new TreeMap<>();
            for (int p = 0; p < toPropose.size(); p++) {
                proposalTurns.put((p + 1) * turns / (2 * toPropose.size() + 2), toPropose.get(p));
            }
            double[] voice = voiceWeights(meeting);
            List<Contribution> recorded = new ArrayList<>();
            for (int turn = 0; turn < turns; turn++) {
                Instant at = meeting.start.plus(Duration.ofMinutes((long) turn * meeting.kind.minutes / turns));
                Decision proposal = proposalTurns.get(turn);
                if (proposal != null) {
                    recorded.add(propose(meeting, proposal, at, voice));
                    continue;
                }
                Member speaker = meeting.attendees.get(pickIndex(voice));
                Category category = pickCategory(speaker, meeting.phase, at);
                Decision discussed = pickDiscussedDecision(meeting);
                String summary = summaryFor(category, discussed, meeting.phase);
                recorded.add(recordContribution(meeting, speaker, category, discussed, summary, at, meeting.minutesAt));
            }
            return recorded;
        }

        /** Who gets the floor: their perspective's room to speak in this phase, their temperament and the day. */
        private double[] voiceWeights(Meeting meeting) {
            double[] weights = new double[meeting.attendees.size()];
            for (int i = 0; i < weights.length; i++) {
                Member member = meeting.attendees.get(i);
                double mood = chance(QUIET_DAY_SHARE) ? QUIET_DAY_FACTOR : MOOD_MIN + MOOD_RANGE * random.nextDouble();
                weights[i] = member.primaryAt(meeting.start).voiceIn(meeting.phase) * member.talkativeness * mood;
            }
            return weights;
        }

        private Contribution propose(Meeting meeting, Decision decision, Instant at, double[] voice) {
            double[] weights = voice.clone();
            for (int i = 0; i < weights.length; i++) {
                if (meeting.attendees.get(i).roleAt(meeting.start) == Role.OBSERVER) {
                    weights[i] = 0;
                }
            }
            Member proposer = meeting.attendees.get(pickIndex(weights));
            decision.proposer = proposer;
            decision.proposedAt = at;
            emit("DecisionProposed", at, meeting.minutesAt, data -> data.put("decisionId", decision.id)
                    .put("title", decision.spec.title())
                    .put("proposedBy", proposer.id));
            openDecisions.add(decision);
            decision.proposal = recordContribution(
                    meeting,
                    proposer,
                    Category.GIVES_SUGGESTION,
                    decision,
                    "proposed to " + lowerFirst(decision.spec.title()),
                    at,
                    meeting.minutesAt);
            return decision.proposal;
        }

        private Category pickCategory(Member speaker, Phase phase, Instant at) {
            boolean lived = speaker.primaryAt(at).livedExperience;
            double[] early = lived ? LIVED_EXPERIENCE_EARLY : PROFESSIONAL_EARLY;
            double[] late = lived ? LIVED_EXPERIENCE_LATE : PROFESSIONAL_LATE;
            double progress = phase.progress();
            double[] weights = new double[early.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = early[i] * (1 - progress) + late[i] * progress;
            }
            return Category.values()[pickIndex(weights)];
        }

        private Decision pickDiscussedDecision(Meeting meeting) {
            List<Decision> live =
                    meeting.agenda.stream().filter(d -> d.proposedAt != null).toList();
            return live.isEmpty() || !chance(DECISION_TALK_SHARE) ? null : pick(live);
        }

        private String summaryFor(Category category, Decision discussed, Phase phase) {
            if (discussed != null) {
                return String.format(pick(category.summaries), discussed.topic());
            }
            return chance(SUMMARY_SHARE) ? String.format(pick(category.summaries), pick(phase.topics)) : null;
        }

        private Contribution recordContribution(
                Meeting meeting,
                Member member,
                Category category,
                Decision decision,
                String summary,
                Instant at,
                Instant recordedAt) {
            Contribution contribution = new Contribution(
                    String.format("c-%05d", contributions.size() + 1),
                    meeting,
                    member,
                    category,
                    decision,
                    summary,
                    at);
            contributions.add(contribution);
            emit("ContributionRecorded", at, recordedAt, data -> {
                data.put("meetingId", meeting.id)
                        .put("contributionId", contribution.id)
                        .put("memberId", member.id)
                        .put("category", category.name());
                if (decision != null) {
                    data.put("decisionId", decision.id);
                }
                if (summary != null) {
                    data.put("summary", summary);
                }
            });
            return contribution;
        }

        // ---- Influences and decisions ----

        private void recordInfluences(Meeting meeting, Decision decision, List<Contribution> turns) {
            if (decision.proposalMeeting == meeting.index && chance(EXPLICIT_PROPOSAL_SHARE)) {
                recordInfluence(
                        meeting,
                        decision,
                        decision.proposer,
                        InfluenceKind.PROPOSED,
                        decision.proposal,
                        null,
                        decision.proposedAt);
            }
            List<Contribution> candidates = new ArrayList<>(turns.stream()
                    .filter(c -> c.decision == decision && c != decision.proposal)
                    .filter(c -> c.category.influence(c.member.livedExperienceAt(c.at)) != null)
                    .toList());
            shuffle(candidates);
            int wanted = between(1, MAX_INFLUENCES_FROM_TALK);
            Set<Member> influencers = new LinkedHashSet<>();
            for (Contribution turn : candidates) {
                if (influencers.size() == wanted) {
                    break;
                }
                if (influencers.add(turn.member)) {
                    InfluenceKind kind = turn.category.influence(turn.member.livedExperienceAt(turn.at));
                    recordInfluence(meeting, decision, turn.member, kind, turn, null, turn.at);
                }
            }
            recordDiaryInfluences(meeting, decision);
            if (chance(UNSOURCED_INFLUENCE_SHARE)) {
                Member member = pick(meeting.speakingAttendees());
                InfluenceKind kind =
                        pick(List.of(InfluenceKind.SUPPORTED, InfluenceKind.OPPOSED, InfluenceKind.AMENDED));
                recordInfluence(meeting, decision, member, kind, null, null, meeting.end);
            }
        }

        /** A shared diary entry about an open decision is sometimes brought to the next meeting as evidence. */
        private void recordDiaryInfluences(Meeting meeting, Decision decision) {
            for (Reflection reflection : reflections) {
                boolean usable = reflection.decision == decision
                        && !reflection.usedAsEvidence
                        && reflection.visibility == Visibility.TEAM
                        && !reflection.recordedAt.isAfter(meeting.minutesAt)
                        && !reflection.at.isAfter(meeting.start)
                        && reflection.author.isMemberAt(meeting.start);
                if (usable && chance(DIARY_EVIDENCE_SHARE)) {
                    reflection.usedAsEvidence = true;
                    InfluenceKind kind = reflection.author.livedExperienceAt(meeting.start)
                            ? InfluenceKind.LIVED_EXPERIENCE
                            : InfluenceKind.EVIDENCED;
                    Instant at = latest(meeting.start, decision.proposedAt);
                    recordInfluence(meeting, decision, reflection.author, kind, null, reflection, at);
                }
            }
        }

        private void recordInfluence(
                Meeting meeting,
                Decision decision,
                Member member,
                InfluenceKind kind,
                Contribution source,
                Reflection diary,
                Instant at) {
            recordInfluence(meeting, decision, member, kind, source, diary, at, meeting.minutesAt, randomNote(kind));
        }

        private void recordInfluence(
                Meeting meeting,
                Decision decision,
                Member member,
                InfluenceKind kind,
                Contribution source,
                Reflection diary,
                Instant at,
                Instant recordedAt,
                String note) {
            Influence influence =
                    new Influence(String.format("i-%04d", ++influenceCount), decision, meeting, member, kind, at);
            influences.add(influence);
            decision.count(kind);
            if (source != null) {
                source.evidence = true;
            }
            emit("InfluenceRecorded", at, recordedAt, data -> {
                data.put("decisionId", decision.id)
                        .put("influenceId", influence.id())
                        .put("memberId", member.id)
                        .put("kind", kind.name());
                if (source != null) {
                    data.put("contributionId", source.id);
                }
                if (diary != null) {
                    data.put("reflectionId", diary.id);
                }
                if (note != null) {
                    data.put("note", note);
                }
            });
        }

        private String randomNote(InfluenceKind kind) {
            return chance(INFLUENCE_NOTE_SHARE) ? pick(kind.notes) : null;
        }

        private void makeDecision(Meeting meeting, Decision decision) {
            DecisionMethod method = pickMethod(meeting.phase);
            List<Member> deciders = decidersFor(method, meeting);
            if (deciders.isEmpty()) {
                method = DecisionMethod.CONSENSUS;
                deciders = decidersFor(method, meeting);
            }
            String outcome = outcomeFor(decision, method, deciders);
            DecisionMethod chosen = method;
            List<Member> decidedBy = deciders;
            emit("DecisionMade", meeting.end, meeting.minutesAt, data -> {
                data.put("decisionId", decision.id).put("outcome", outcome).put("method", chosen.name());
                ArrayNode array = data.putArray("decidedBy");
                decidedBy.forEach(m -> array.add(m.id));
            });
            openDecisions.remove(decision);
            scheduleRevision(decision);
        }

        private DecisionMethod pickMethod(Phase phase) {
            DecisionMethod[] methods = DecisionMethod.values();
            double[] weights = new double[methods.length];
            for (int i = 0; i < methods.length; i++) {
                weights[i] = methods[i].weightIn(phase);
            }
            return methods[pickIndex(weights)];
        }

        /** Empty when the method does not fit who was in the room; the caller then falls back to consensus. */
        private List<Member> decidersFor(DecisionMethod method, Meeting meeting) {
            List<Member> speaking = meeting.speakingAttendees();
            return switch (method) {
                case CONSENSUS -> speaking;
                case VOTE -> speaking.size() >= MIN_VOTERS ? speaking : List.of();
                case LEAD_DECIDED -> team.stream()
                        .filter(m -> m.roleAt(meeting.end) == Role.CHIEF_INVESTIGATOR && m.isMemberAt(meeting.end))
                        .toList();
                case DELEGATED -> {
                    List<Member> delegates = new ArrayList<>(speaking.stream()
                            .filter(m -> m.roleAt(meeting.start) == Role.RESEARCHER
                                    || m.roleAt(meeting.start) == Role.SERVICE_USER_RESEARCHER)
                            .toList());
                    shuffle(delegates);
                    yield delegates.subList(0, Math.min(delegates.size(), between(1, MAX_DELEGATES)));
                }
                case SERVICE_USER_LED -> speaking.stream()
                        .filter(m -> m.primaryAt(meeting.start) == Perspective.SERVICE_USER)
                        .toList();
            };
        }

        private String outcomeFor(Decision decision, DecisionMethod method, List<Member> deciders) {
            boolean rejected = decision.opposed >= 2 && decision.opposed > decision.supported + decision.amended;
            String resolution = (rejected ? "not to " : "to ") + lowerFirst(decision.spec.title());
            String outcome =
                    switch (method) {
                        case CONSENSUS -> "Agreed by consensus " + resolution;
                        case VOTE -> {
                            int against = Math.max(1, Math.min(decision.opposed, deciders.size() / 2 - 1));
                            yield "Agreed by a vote of " + (deciders.size() - against) + " to " + against + " "
                                    + resolution;
                        }
                        case LEAD_DECIDED -> "The chief investigator decided " + resolution;
                        case DELEGATED -> "Delegated to "
                                + String.join(
                                        " and ",
                                        deciders.stream().map(m -> m.name).toList())
                                + ", who decided " + resolution;
                        case SERVICE_USER_LED -> "Led by its service user members, the team decided " + resolution;
                    };
            return !rejected && decision.amended > 0 ? outcome + ", as amended in discussion" : outcome;
        }

        private void scheduleRevision(Decision decision) {
            if (decision.spec.revisedOutcome() == null) {
                return;
            }
            int target = Math.min(
                    decision.decisionMeeting + between(MIN_MEETINGS_BEFORE_REVISION, MAX_MEETINGS_BEFORE_REVISION),
                    plan.size() - 1);
            if (target > decision.decisionMeeting) {
                revisedAtMeeting.get(target).add(decision);
            }
        }

        private void reviseDecision(Meeting meeting, Decision decision) {
            emit("DecisionRevised", meeting.end, meeting.minutesAt, data -> data.put("decisionId", decision.id)
                    .put("outcome", decision.spec.revisedOutcome())
                    .put("reason", decision.spec.revisionReason()));
        }

        // ---- Reflective diaries ----

        private void writeReflections(Meeting meeting) {
            int count = REFLECTIONS_PER_MEETING[random.nextInt(REFLECTIONS_PER_MEETING.length)];
            List<Member> authors = pickDistinct(meeting.attendees, count, m -> m.roleAt(meeting.start).diaryPropensity);
            for (Member author : authors) {
                writeReflection(meeting, author);
            }
        }

        private void writeReflection(Meeting meeting, Member author) {
            Instant at = diaryWrittenAt(meeting.end);
            Decision about =
                    !meeting.agenda.isEmpty() && chance(REFLECTION_ON_DECISION_SHARE) ? pick(meeting.agenda) : null;
            boolean aboutMeeting = chance(REFLECTION_ON_MEETING_SHARE);
            boolean pointsBack = about != null || aboutMeeting;
            Instant recordedAt = chance(LATE_REFLECTION_SHARE)
                    ? at.plus(Duration.ofDays(between(MIN_LATE_DAYS, MAX_LATE_DAYS)))
                    : at.plus(fiveMinuteSteps(0, MAX_TYPING_DELAY_MINUTES));
            // An entry that names the meeting or a decision cannot reach the record before the minutes do.
            if (pointsBack) {
                recordedAt = latest(recordedAt, meeting.minutesAt);
            }
            recordedAt = earliest(recordedAt, filingDeadline(author));
            boolean fileable = author.isMemberAt(at)
                    && !recordedAt.isBefore(at)
                    && (!pointsBack || !recordedAt.isBefore(meeting.minutesAt));
            if (!fileable) {
                return;
            }
            Visibility visibility =
                    chance(author.livedExperienceAt(at) ? PRIVATE_SHARE_LIVED_EXPERIENCE : PRIVATE_SHARE_OTHERS)
                            ? Visibility.PRIVATE
                            : Visibility.TEAM;
            List<Theme> themes = pickThemes(meeting.phase, between(1, MAX_THEMES_PER_REFLECTION));
            String text = diaryText(meeting, about, themes, author.livedExperienceAt(at));
            Reflection reflection = new Reflection(
                    String.format("r-%04d", reflections.size() + 1), author, about, visibility, at, recordedAt);
            reflections.add(reflection);
            emit("ReflectionWritten", at, recordedAt, data -> {
                data.put("reflectionId", reflection.id)
                        .put("authorId", author.id)
                        .put("text", text)
                        .put("visibility", visibility.name());
                if (about != null) {
                    data.put("decisionId", about.id);
                }
                if (aboutMeeting) {
                    data.put("meetingId", meeting.id);
                }
            });
            codeReflection(reflection, themes);
            if (visibility == Visibility.TEAM && !author.id.equals(WITHDRAWN_MEMBER)) {
                Map<Theme, String> words = new LinkedHashMap<>();
                for (Theme theme : themes) {
                    Stream.concat(theme.livedExperienceSentences.stream(), theme.professionalSentences.stream())
                            .filter(text::contains)
                            .findFirst()
                            .ifPresent(sentence -> words.put(theme, sentence));
                }
                codableTexts.add(new CodableText("REFLECTION", reflection.id, author, recordedAt, text, words));
            }
        }

        /** Diaries are written that evening or during the next working day, not in the small hours. */
        private Instant diaryWrittenAt(Instant meetingEnd) {
            Instant sameEvening = meetingEnd.plus(fiveMinuteSteps(MIN_SAME_DAY_DIARY_DELAY, MAX_SAME_DAY_DIARY_DELAY));
            LocalDate day = LocalDate.ofInstant(meetingEnd, ZoneOffset.UTC);
            if (chance(SAME_DAY_DIARY_SHARE) && sameEvening.isBefore(utc(day, LAST_DIARY_HOUR, 0))) {
                return sameEvening;
            }
            return utc(day.plusDays(1), FIRST_DIARY_HOUR, 0).plus(fiveMinuteSteps(0, NEXT_DAY_DIARY_WINDOW));
        }

        /** A leaver's diary entries and interview are filed while they are still on the team. */
        private static Instant filingDeadline(Member member) {
            return member.leftAt == null
                    ? LAST_RECORDING_AT
                    : earliest(LAST_RECORDING_AT, member.leftAt.minus(LEAVER_FILING_MARGIN));
        }

        private String diaryText(Meeting meeting, Decision about, List<Theme> themes, boolean livedExperience) {
            String subject = about != null ? about.topic() : pick(meeting.phase.topics);
            StringBuilder text = new StringBuilder(String.format(pick(DIARY_OPENINGS), meeting.kind.label, subject));
            for (Theme theme : themes) {
                text.append(' ')
                        .append(pick(livedExperience ? theme.livedExperienceSentences : theme.professionalSentences));
            }
            String closing = pick(DIARY_CLOSINGS);
            if (!closing.isEmpty()) {
                text.append(' ').append(closing);
            }
            return text.toString();
        }

        /** Shared entries are coded by a researcher; private ones only ever by their author. */
        private void codeReflection(Reflection reflection, List<Theme> themes) {
            LocalDate codingDay = LocalDate.ofInstant(reflection.recordedAt, ZoneOffset.UTC)
                    .plusDays(between(1, MAX_CODING_DELAY_DAYS));
            Instant codedAt = earliest(
                    utc(codingDay, CODING_SESSION_START_HOUR, 0).plus(fiveMinuteSteps(0, CODING_SESSION_WINDOW)),
                    LAST_RECORDING_AT);
            Member coder;
            if (reflection.visibility == Visibility.TEAM) {
                if (!chance(TEAM_REFLECTION_CODED_SHARE)) {
                    return;
                }
                List<Member> researchers = team.stream()
                        .filter(m -> m.isMemberAt(codedAt) && m.roleAt(codedAt) == Role.RESEARCHER)
                        .toList();
                coder = researchers.isEmpty() ? null : pick(researchers);
            } else {
                boolean selfCoded =
                        chance(PRIVATE_REFLECTION_SELF_CODED_SHARE) && reflection.author.isMemberAt(codedAt);
                coder = selfCoded ? reflection.author : null;
            }
            if (coder == null) {
                return;
            }
            emit("ReflectionCoded", codedAt, codedAt, data -> {
                data.put("reflectionId", reflection.id);
                ArrayNode codes = data.putArray("codes");
                themes.forEach(t -> codes.add(t.code));
                data.put("codedBy", coder.id);
            });
        }

        private List<Theme> pickThemes(Phase phase, int count) {
            return pickDistinct(List.of(Theme.values()), count, t -> t.weightIn(phase));
        }

        // ---- Interviews: the team interviewed its own members about coproducing the study ----

        private void recordInterviews() {
            for (Member leaver : team) {
                if (leaver.leftAt != null) {
                    LocalDate day = LocalDate.ofInstant(leaver.leftAt, ZoneOffset.UTC)
                            .minusDays(EXIT_INTERVIEW_DAYS_BEFORE_LEAVING);
                    interview(leaver, utc(day, 14, 0), "Exit interview");
                }
            }
            List<Member> firstRound = new ArrayList<>(team.stream()
                    .filter(m -> m.isMemberAt(FIRST_INTERVIEW_ROUND_START))
                    .toList());
            shuffle(firstRound);
            for (int week = 0; week < firstRound.size(); week++) {
                interview(
                        firstRound.get(week),
                        FIRST_INTERVIEW_ROUND_START.plus(Duration.ofDays(7L * week)),
                        "First-round interview");
            }
            List<Member> lateJoiners = team.stream()
                    .filter(m -> m.joinedAt.isAfter(FIRST_INTERVIEW_ROUND_START))
                    .toList();
            for (int week = 0; week < lateJoiners.size(); week++) {
                interview(
                        lateJoiners.get(week),
                        SECOND_INTERVIEW_ROUND_START.plus(Duration.ofDays(7L * week)),
                        "Interview with a member who joined for the analysis");
            }
        }

        private void interview(Member interviewee, Instant at, String label) {
            Member interviewer = interviewerFor(interviewee, at);
            if (interviewer == null || !interviewee.isMemberAt(at)) {
                return;
            }
            List<Theme> themes = pickThemes(Phase.at(at), between(MIN_INTERVIEW_CODES, MAX_INTERVIEW_CODES));
            List<String> phrases = themes.stream().map(t -> t.phrase).toList();
            String summary = label + " on taking part in the study: talked about "
                    + String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and "
                    + phrases.get(phrases.size() - 1) + ".";
            Instant recordedAt = earliest(
                    at.plus(Duration.ofDays(between(MIN_TRANSCRIPTION_DAYS, MAX_TRANSCRIPTION_DAYS))),
                    filingDeadline(interviewee));
            String id = String.format("iv-%02d", ++interviewCount);
            if (!interviewee.id.equals(WITHDRAWN_MEMBER)) {
                Map<Theme, String> words = new LinkedHashMap<>();
                themes.forEach(t -> words.put(t, t.phrase));
                codableTexts.add(new CodableText("INTERVIEW", id, interviewee, recordedAt, summary, words));
            }
            emit("InterviewRecorded", at, recordedAt, data -> {
                data.put("interviewId", id)
                        .put("intervieweeId", interviewee.id)
                        .put("interviewerId", interviewer.id)
                        .put("summary", summary);
                ArrayNode codes = data.putArray("codes");
                themes.forEach(t -> codes.add(t.code));
            });
        }

        /** Lived-experience members could choose a peer interviewer; the observer interviews everyone else. */
        private Member interviewerFor(Member interviewee, Instant at) {
            Role preferred;
            if (interviewee.roleAt(at) == Role.OBSERVER) {
                preferred = Role.RESEARCHER;
            } else if (interviewee.livedExperienceAt(at)) {
                preferred = Role.SERVICE_USER_RESEARCHER;
            } else {
                preferred = Role.OBSERVER;
            }
            List<Member> candidates = team.stream()
                    .filter(m -> m != interviewee && m.isMemberAt(at) && m.roleAt(at) == preferred)
                    .toList();
            return candidates.isEmpty() ? null : pick(candidates);
        }

        // ---- Corrections ----

        private void retractContributions() {
            List<Contribution> candidates = new ArrayList<>(contributions.stream()
                    .filter(c -> !c.evidence)
                    .filter(c -> c.decision == null || c != c.decision.proposal)
                    .filter(c -> c.at.isBefore(CORRECTABLE_BEFORE))
                    .toList());
            for (int k = 0; k < CONTRIBUTION_RETRACTIONS && !candidates.isEmpty(); k++) {
                Contribution target = candidates.remove(random.nextInt(candidates.size()));
                String reason = CONTRIBUTION_RETRACTION_REASONS.get(k % CONTRIBUTION_RETRACTION_REASONS.size());
                Instant at = correctionTime(target.meeting.minutesAt);
                emit("ContributionRetracted", at, at, data -> data.put("contributionId", target.id)
                        .put("reason", reason));
                if (reason.equals(WRONG_MEMBER)) {
                    recordCorrectedContribution(target, at);
                }
            }
        }

        /**
         * A miscoded turn is recorded again against the member who actually spoke. Only members still on the team are
         * candidates, so that nobody's record grows after their MemberLeft line.
         */
        private void recordCorrectedContribution(Contribution wrong, Instant at) {
            List<Member> others = wrong.meeting.speakingAttendees().stream()
                    .filter(m -> m != wrong.member && m.isMemberAt(at))
                    .toList();
            if (!others.isEmpty()) {
                recordContribution(
                        wrong.meeting, pick(others), wrong.category, wrong.decision, wrong.summary, wrong.at, at);
            }
        }

        private void retractInfluences() {
            List<Influence> candidates = new ArrayList<>(influences.stream()
                    .filter(i -> i.kind() != InfluenceKind.PROPOSED)
                    .filter(i -> i.at().isBefore(CORRECTABLE_BEFORE))
                    .toList());
            for (int k = 0; k < INFLUENCE_RETRACTIONS && !candidates.isEmpty(); k++) {
                Influence target = candidates.remove(random.nextInt(candidates.size()));
                String reason = INFLUENCE_RETRACTION_REASONS.get(k % INFLUENCE_RETRACTION_REASONS.size());
                Instant at = correctionTime(target.meeting().minutesAt);
                emit("InfluenceRetracted", at, at, data -> data.put("decisionId", target.decision().id)
                        .put("influenceId", target.id())
                        .put("reason", reason));
                if (reason.equals(WRONG_MEMBER)) {
                    recordCorrectedInfluence(target, at);
                }
            }
        }

        private void recordCorrectedInfluence(Influence wrong, Instant at) {
            List<Member> others = wrong.meeting().speakingAttendees().stream()
                    .filter(m -> m != wrong.member() && m.isMemberAt(at))
                    .filter(m -> wrong.kind() != InfluenceKind.LIVED_EXPERIENCE || m.livedExperienceAt(wrong.at()))
                    .toList();
            if (!others.isEmpty()) {
                recordInfluence(
                        wrong.meeting(),
                        wrong.decision(),
                        pick(others),
                        wrong.kind(),
                        null,
                        null,
                        wrong.at(),
                        at,
                        "re-recorded against the right member");
            }
        }

        private Instant correctionTime(Instant original) {
            LocalDate day = LocalDate.ofInstant(original, ZoneOffset.UTC)
                    .plusDays(between(MIN_CORRECTION_DELAY_DAYS, MAX_CORRECTION_DELAY_DAYS));
            return earliest(utc(day, 11, 0).plus(fiveMinuteSteps(0, 300)), LAST_RECORDING_AT);
        }

        /**
         * An advisory member withdraws consent shortly before the project closes, so a newcomer sees
         * what that does: she is "Withdrawn member 1" everywhere, her turns and influences still
         * counted, her name and words unreadable. Recorded at closure, after everything about her.
         */
        /**
         * In the analysis phase the team writes down the codebook it has been coding with: each theme
         * defined with what it means, tokenism under power, and one description sharpened a month
         * later (docs/codebook.md).
         */
        private void defineCodebook() {
            Instant at = utc(Phase.ANALYSIS.startDate.plusDays(7), 10, 0);
            String by = team.stream()
                    .filter(m -> m.isMemberAt(at) && !m.id.equals(WITHDRAWN_MEMBER))
                    .filter(m -> m.roleAt(at) == Role.SERVICE_USER_RESEARCHER)
                    .map(m -> m.id)
                    .findFirst()
                    .orElseThrow();
            Map<Theme, String> meaning = new EnumMap<>(Theme.class);
            meaning.put(Theme.POWER, "Who decides, who sets the agenda, and whose view carries.");
            meaning.put(Theme.TRUST, "Confidence in each other and in the study, won or lost.");
            meaning.put(
                    Theme.LIVED_EXPERIENCE_VALUED,
                    "Lived experience treated as expertise: asked for, heard, acted on.");
            meaning.put(Theme.TOKENISM, "Involvement in name only: asked late or not heard.");
            meaning.put(Theme.EMOTIONAL_LABOUR, "The cost to members of holding their own and others' stories.");
            meaning.put(Theme.ROLE_CLARITY, "Knowing, or not, in which role one is there.");
            meaning.put(Theme.TIME_PRESSURE, "Deadlines and papers that leave no time to take part.");
            meaning.put(Theme.LEARNING, "What members learned from each other and about research.");
            for (Theme theme : Theme.values()) {
                if (theme == Theme.TOKENISM) {
                    continue;
                }
                defineCode(at, theme, meaning.get(theme), null, by);
            }
            defineCode(at, Theme.TOKENISM, meaning.get(Theme.TOKENISM), Theme.POWER.code, by);
            Instant later = at.plus(Duration.ofDays(28));
            emit("CodeRevised", later, later.plus(Duration.ofHours(1)), data -> data.put("code", Theme.TOKENISM.code)
                    .put("name", "Tokenism")
                    .put(
                            "description",
                            "Involvement in name only: asked late, asked to add a view at the end, or not heard."
                                    + " Not for disagreement that was heard and answered.")
                    .put("parent", Theme.POWER.code)
                    .put("changedBy", by));
        }

        /**
         * Passages of team reflections and interview summaries coded in the analysis phase, after the
         * codebook is defined, by a service user researcher and a researcher in turn (PASSAGES): each
         * the words of one of the text's themes, coded with that theme, offsets in code points.
         */
        private void codePassages() {
            List<String> coders = new ArrayList<>();
            Instant first =
                    utc(Phase.ANALYSIS.startDate.plusDays(PASSAGES.get(0).day()), 14, 0);
            for (Role role : List.of(Role.SERVICE_USER_RESEARCHER, Role.RESEARCHER)) {
                team.stream()
                        .filter(m -> m.isMemberAt(first) && m.isMemberAt(first.plus(Duration.ofDays(14))))
                        .filter(m -> !m.id.equals(WITHDRAWN_MEMBER) && m.roleAt(first) == role)
                        .findFirst()
                        .ifPresent(m -> coders.add(m.id));
            }
            for (int n = 0; n < PASSAGES.size(); n++) {
                PassagePlan plan = PASSAGES.get(n);
                Instant at = utc(Phase.ANALYSIS.startDate.plusDays(plan.day()), 14, 0)
                        .plus(Duration.ofMinutes(10L * n));
                List<CodableText> ready = codableTexts.stream()
                        .filter(t -> t.source().equals(plan.source())
                                && t.recordedAt().isBefore(at))
                        .filter(t -> t.words().size() > plan.theme())
                        .toList();
                if (ready.size() <= plan.text()) {
                    continue;
                }
                CodableText text = ready.get(plan.text());
                Theme theme = List.copyOf(text.words().keySet()).get(plan.theme());
                String words = text.words().get(theme);
                int from = text.text().indexOf(words);
                int start = text.text().codePointCount(0, from);
                int end = start + words.codePointCount(0, words.length());
                String by = coders.get(n % coders.size());
                codePassage(at, text, start, end, List.of(theme.code), by);
                if (n == 0) {
                    Theme second = theme == Theme.POWER ? Theme.TRUST : Theme.POWER;
                    codePassage(at.plus(Duration.ofDays(7)), text, start, end, List.of(theme.code, second.code), by);
                }
            }
        }

        private void codePassage(Instant at, CodableText text, int start, int end, List<String> codes, String by) {
            emit("PassageCoded", at, at.plus(Duration.ofHours(1)), data -> {
                data.put("source", text.source()).put("sourceId", text.id());
                data.put("start", start).put("end", end);
                ArrayNode given = data.putArray("codes");
                codes.forEach(given::add);
                data.put("codedBy", by);
            });
        }

        private void defineCode(Instant at, Theme theme, String description, String parent, String by) {
            emit("CodeDefined", at, at.plus(Duration.ofHours(1)), data -> {
                data.put("code", theme.code)
                        .put("name", Character.toUpperCase(theme.phrase.charAt(0)) + theme.phrase.substring(1))
                        .put("description", description);
                if (parent != null) {
                    data.put("parent", parent);
                }
                data.put("changedBy", by);
            });
        }

        /**
         * Near the end the team writes what only it can say in its report: its definition of
         * involvement and its critical reflections, the second written again a few days later.
         */
        private void writeReportItems() {
            Instant at = PROJECT_CLOSED_AT.minus(Duration.ofDays(28));
            List<String> authors = team.stream()
                    .filter(m -> m.isMemberAt(at) && !m.id.equals(WITHDRAWN_MEMBER))
                    .filter(m -> m.roleAt(at) == Role.SERVICE_USER_RESEARCHER || m.roleAt(at) == Role.RESEARCHER)
                    .limit(3)
                    .map(m -> m.id)
                    .toList();
            reportItem("DEFINITION", at, authors, REPORT_DEFINITION);
            reportItem("REFLECTIONS", at.plus(Duration.ofDays(2)), authors.subList(0, 1), REPORT_REFLECTIONS_DRAFT);
            reportItem("REFLECTIONS", at.plus(Duration.ofDays(6)), authors, REPORT_REFLECTIONS);
        }

        private void reportItem(String item, Instant at, List<String> authors, String text) {
            emit("Gripp2ItemWritten", at, at.plus(Duration.ofHours(1)), data -> {
                data.put("item", item).put("text", text);
                ArrayNode by = data.putArray("authors");
                authors.forEach(by::add);
            });
        }

        private void withdrawConsent() {
            emit(
                    "ConsentWithdrawn",
                    PROJECT_CLOSED_AT.minus(Duration.ofDays(14)),
                    PROJECT_CLOSED_AT,
                    data -> data.put("memberId", WITHDRAWN_MEMBER));
        }

        private void closeProject() {
            emit("ProjectClosed", PROJECT_CLOSED_AT, PROJECT_CLOSED_AT, data -> {});
        }

        // ---- Output ----

        private void emit(String type, Instant occurredAt, Instant recordedAt, Consumer<ObjectNode> fields) {
            // Guards against a future edit breaking the contract: the file must import cleanly as it is.
            if (recordedAt.isBefore(occurredAt) || recordedAt.isAfter(PROJECT_CLOSED_AT)) {
                throw new IllegalStateException(type + " occurred " + occurredAt + " but recorded " + recordedAt);
            }
            ObjectNode data = MAPPER.createObjectNode();
            data.put("projectId", DEMO_PROJECT_ID);
            data.put("occurredAt", occurredAt.toString());
            fields.accept(data);
            pending.add(new PendingEvent(pending.size(), type, recordedAt, data));
        }

        private List<ObjectNode> envelopesInRecordedOrder() {
            List<PendingEvent> ordered = new ArrayList<>(pending);
            // Equal recordedAt keeps generation order, which is what keeps dependencies on earlier lines.
            ordered.sort(Comparator.comparing(PendingEvent::recordedAt).thenComparingLong(PendingEvent::seq));
            List<ObjectNode> lines = new ArrayList<>(ordered.size());
            for (int n = 0; n < ordered.size(); n++) {
                PendingEvent event = ordered.get(n);
                ObjectNode line = MAPPER.createObjectNode();
                line.put("type", event.type());
                line.put("schemaVersion", SCHEMA_VERSION);
                line.put("eventId", eventId(n + 1));
                line.put("recordedAt", event.recordedAt().toString());
                line.set("data", event.data());
                lines.add(line);
            }
            return lines;
        }

        private String eventId(int lineNumber) {
            return UUID.nameUUIDFromBytes(("demo:" + seed + ":" + lineNumber).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        // ---- Seeded choices ----

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        private Duration fiveMinuteSteps(int lowMinutes, int highMinutes) {
            return Duration.ofMinutes(5L * between(lowMinutes / 5, highMinutes / 5));
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private int pickIndex(double[] weights) {
            double total = Arrays.stream(weights).sum();
            double target = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                target -= weights[i];
                if (target < 0) {
                    return i;
                }
            }
            // Rounding can leave a sliver at the end; it belongs to the last item with any weight.
            for (int i = weights.length - 1; i >= 0; i--) {
                if (weights[i] > 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private <T> List<T> pickDistinct(List<T> items, int count, ToDoubleFunction<T> weight) {
            List<T> remaining = new ArrayList<>(items);
            List<T> chosen = new ArrayList<>();
            while (chosen.size() < count && !remaining.isEmpty()) {
                double[] weights = remaining.stream().mapToDouble(weight).toArray();
                chosen.add(remaining.remove(pickIndex(weights)));
            }
            return chosen;
        }

        private <T> void shuffle(List<T> items) {
            for (int i = items.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                T swap = items.get(i);
                items.set(i, items.get(j));
                items.set(j, swap);
            }
        }
    }
}
