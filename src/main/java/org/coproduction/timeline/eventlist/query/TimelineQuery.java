package org.coproduction.timeline.eventlist.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.eventlist.query.TimelinePage.Entry;
import org.coproduction.timeline.eventlist.query.TimelinePage.MemberRef;
import org.coproduction.timeline.eventlist.query.TimelinePage.PhaseRef;
import org.coproduction.timeline.platform.EventJson;
import org.coproduction.timeline.platform.Utc;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers timeline requests from the timeline read model. The phase of each entry is worked out
 * when asked, from the phases known now, so a late-recorded phase start moves entries correctly.
 * Each entry's data is its stored payload, read for the page only: the read model does not copy it.
 */
@Component
public class TimelineQuery {

    /** The name of the read model these answers come from (its processor's). */
    public static final String READ_MODEL = TimelineProjection.PROCESSING_GROUP;

    /** An event type's field of personal text, and the field naming the member whose key seals it. */
    private record PersonalField(String field, String memberField) {}

    private static final Map<String, PersonalField> PERSONAL = Map.of(
            typeName(ReflectionWritten.class), new PersonalField("text", "authorId"),
            typeName(InterviewRecorded.class), new PersonalField("summary", "intervieweeId"),
            typeName(MemberJoined.class), new PersonalField("name", "memberId"),
            typeName(ContributionRecorded.class), new PersonalField("summary", "memberId"),
            typeName(TurnTranscribed.class), new PersonalField("text", "memberId"),
            typeName(InfluenceRecorded.class), new PersonalField("note", "memberId"));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    private final Sealing sealing;

    TimelineQuery(JdbcTemplate jdbc, Sealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    private static String typeName(Class<? extends ProjectEvent> type) {
        return EventCatalogue.byClass(type).orElseThrow().name();
    }

    private record Phase(String phaseId, String name, Instant start) {}

    public TimelinePage find(String projectId, TimelineFilter filter) {
        return find(projectId, filter, null);
    }

    /**
     * The page, with the text of a private reflection shown only when {@code reader} (the member the
     * asking account is in this project, or null) is its author.
     */
    public TimelinePage find(String projectId, TimelineFilter filter, String reader) {
        if (jdbc.queryForList("SELECT 1 FROM timeline_entry WHERE project_id = ? FETCH FIRST 1 ROWS ONLY", projectId)
                .isEmpty()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " has no recorded events");
        }
        List<Phase> phases = jdbc.query(
                // Of two phases starting at the same instant, the one recorded later ends the other.
                "SELECT phase_id, name, started_at FROM timeline_phase WHERE project_id = ? ORDER BY started_at, seq_no",
                (rs, n) -> new Phase(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()),
                projectId);
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                // A member who left and joined again is shown by the name of the latest join.
                "SELECT member_id, name, event_id FROM timeline_member_name WHERE project_id = ? ORDER BY seq_no",
                rs -> {
                    String memberId = rs.getString(1);
                    names.put(memberId, sealing.name(projectId, memberId, rs.getString(3), rs.getString(2)));
                },
                projectId);

        StringBuilder where = new StringBuilder(" WHERE project_id = ?");
        List<Object> args = new ArrayList<>(List.of(projectId));
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Utc.of(filter.from()));
        }
        if (filter.until() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Utc.of(filter.until()));
        }
        if (filter.phaseId() != null) {
            restrictToPhase(filter.phaseId(), phases, where, args);
        }
        if (filter.memberId() != null) {
            where.append(" AND member_ids LIKE ? ESCAPE '\\'");
            args.add("%," + likeLiteral(filter.memberId()) + ",%");
        }
        if (!filter.types().isEmpty()) {
            where.append(" AND type IN (")
                    .append(String.join(
                            ",", filter.types().stream().map(t -> "?").toList()))
                    .append(")");
            args.addAll(filter.types());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) filter.page() * filter.size());
        pageArgs.add(filter.size());
        List<Entry> entries = jdbc.query(
                // The page's rows first, then each one's data from the store by the store's own index.
                "SELECT t.seq_no, t.event_id, t.type, t.occurred_at, t.recorded_at, t.member_ids, d.payload FROM"
                        + " (SELECT project_id, seq_no, event_id, type, occurred_at, recorded_at, member_ids"
                        + " FROM timeline_entry" + where
                        + " ORDER BY occurred_at, recorded_at, seq_no OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) t"
                        + " JOIN domain_event_entry d"
                        + " ON d.aggregate_identifier = t.project_id AND d.sequence_number = t.seq_no"
                        + " ORDER BY t.occurred_at, t.recorded_at, t.seq_no",
                (rs, n) -> {
                    Instant occurredAt = rs.getObject(4, OffsetDateTime.class).toInstant();
                    List<MemberRef> members = members(rs.getString(6), names);
                    String data = data(projectId, rs.getString(2), rs.getString(3), rs.getBytes(7), reader);
                    return new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            occurredAt,
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            phaseAt(phases, occurredAt),
                            members,
                            mentioned(rs.getString(6)) > members.size() ? withoutUnnamed(data, names) : data);
                },
                pageArgs.toArray());
        return new TimelinePage(projectId, filter.page(), filter.size(), total == null ? 0 : total, entries);
    }

    /**
     * The event's fields as the interchange writes them (the stored payload is that JSON), with its
     * personal text opened for those who may read it ({@link Sealing#open}): a member's name, a
     * turn's summary, an influence's note and an interview's summary for the team, a reflection's text
     * for the team when it is a team reflection and for its author alone when it is private. Once the
     * member's key is destroyed (consent withdrawn) a name is their pseudonym and any other text is
     * gone for everyone, which {@code <field>Withdrawn} says.
     */
    private String data(String projectId, String eventId, String type, byte[] payload, String reader) {
        String data = new String(payload, StandardCharsets.UTF_8);
        PersonalField personal = PERSONAL.get(type);
        if (personal == null) {
            return data;
        }
        try {
            ObjectNode fields = (ObjectNode) json.readTree(data);
            String value = fields.path(personal.field()).asText(null);
            if (value == null) {
                return data;
            }
            String memberId = fields.path(personal.memberField()).asText();
            if (personal.field().equals("name")) {
                fields.put("name", sealing.name(projectId, memberId, eventId, value));
                return fields.toString();
            }
            Visibility visibility = personal.field().equals("text")
                            && Visibility.PRIVATE
                                    .name()
                                    .equals(fields.path("visibility").asText())
                    ? Visibility.PRIVATE
                    : null;
            Optional<Sealing.Reading> reading = sealing.read(projectId, memberId, eventId, value, visibility, reader);
            if (reading.isEmpty()) {
                fields.remove(personal.field());
            } else if (reading.get().withdrawn()) {
                fields.remove(personal.field());
                fields.put(personal.field() + "Withdrawn", true);
            } else {
                fields.put(personal.field(), reading.get().text());
            }
            return fields.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }

    private static void restrictToPhase(String phaseId, List<Phase> phases, StringBuilder where, List<Object> args) {
        if (TimelineFilter.BEFORE_FIRST_PHASE.equals(phaseId)) {
            if (!phases.isEmpty()) {
                where.append(" AND occurred_at < ?");
                args.add(Utc.of(phases.get(0).start()));
            }
            return;
        }
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).phaseId().equals(phaseId)) {
                where.append(" AND occurred_at >= ?");
                args.add(Utc.of(phases.get(i).start()));
                if (i + 1 < phases.size()) {
                    where.append(" AND occurred_at < ?");
                    args.add(Utc.of(phases.get(i + 1).start()));
                }
                return;
            }
        }
        throw RuleViolationException.notFound("phaseId", "phase " + phaseId + " has not started in this project");
    }

    /** The id as a LIKE pattern matching only itself: {@code _} is allowed in ids. */
    static String likeLiteral(String id) {
        return id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The phase {@code t} falls in: the last to start at or before it. */
    private static PhaseRef phaseAt(List<Phase> phases, Instant t) {
        Phase found = null;
        for (Phase phase : phases) {
            if (phase.start().isAfter(t)) {
                break;
            }
            found = phase;
        }
        return found == null ? null : new PhaseRef(found.phaseId(), found.name());
    }

    /**
     * The members the entry names, less those the timeline holds no name for: a member withdrawn with
     * scope ALL, who is on no list ({@link TimelineProjection}).
     */
    private static List<MemberRef> members(String memberIds, Map<String, String> names) {
        return Arrays.stream(memberIds.split(","))
                .filter(names::containsKey)
                .map(id -> new MemberRef(id, names.get(id)))
                .toList();
    }

    private static long mentioned(String memberIds) {
        return Arrays.stream(memberIds.split(",")).filter(id -> !id.isEmpty()).count();
    }

    /** The entry's data with the unnamed members taken out of its lists of members. */
    private String withoutUnnamed(String data, Map<String, String> names) {
        try {
            ObjectNode fields = (ObjectNode) json.readTree(data);
            for (String list : List.of("attendees", "decidedBy")) {
                if (fields.get(list) instanceof ArrayNode ids) {
                    ArrayNode kept = fields.putArray(list);
                    ids.forEach(id -> {
                        if (names.containsKey(id.asText())) {
                            kept.add(id);
                        }
                    });
                }
            }
            if (fields.hasNonNull("proposedBy")
                    && !names.containsKey(fields.get("proposedBy").asText())) {
                fields.putNull("proposedBy");
            }
            return fields.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }
}
