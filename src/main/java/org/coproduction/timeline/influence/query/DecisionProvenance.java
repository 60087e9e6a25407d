package org.coproduction.timeline.influence.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.springframework.stereotype.Component;

/**
 * The provenance of a decision as a W3C PROV-JSON document (https://www.w3.org/submission/prov-json/):
 * the decision, the activity that made it, the members who proposed, influenced and decided it, and
 * the contributions and reflections their influences cite, for an (asOf, knownAt). It applies the
 * same counting rules as the influencers answer, so both tell the same story: one {@code
 * wasInfluencedBy} per evidence item, the proposal included.
 *
 * <p>The statements sit in one bundle named for the project, decision and times; the bundle itself
 * is described at the top level with {@code ct:asOf} and {@code ct:knownAt}. Only ids, kinds,
 * categories, visibility and times of contributions and reflections are given: never their text,
 * which {@link ProjectHistory} does not keep.
 */
@Component
public class DecisionProvenance {

    /** The vocabulary of this application's terms, prefix {@code ct}. */
    public static final String NAMESPACE = "https://coproduction-timeline.org/ns#";

    private static final String PROV_NAMESPACE = "http://www.w3.org/ns/prov#";
    private static final String XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema#";
    private static final String DATE_TIME = "xsd:dateTime";
    /** The PROV-JSON submission types qualified-name values as xsd:QName. */
    private static final String QUALIFIED_NAME = "xsd:QName";

    private final ProjectHistoryReader histories;

    DecisionProvenance(ProjectHistoryReader histories) {
        this.histories = histories;
    }

    /**
     * The PROV-JSON document, as maps and lists in a stable order. 404 for a project or decision
     * the store never held; a decision not yet proposed at (asOf, knownAt) is an entity with that
     * status and no influences, as the influencers query answers.
     */
    public Map<String, Object> document(String projectId, String decisionId, PointInTime at) {
        ProjectHistory history = histories.read(projectId, at.knownAt());
        if (!history.holdsDecision(decisionId)) {
            throw RuleViolationException.notFound(
                    "decisionId", "decision " + decisionId + " was never proposed in project " + projectId);
        }
        TeamHistory team = history.team(at.asOf());
        DecisionFacts facts = history.decision(decisionId, at.asOf());
        DecisionInfluencers answer = InfluenceAnswers.influencers(projectId, at, facts, team);
        return new Statements(history, team, answer).document();
    }

    static String decisionId(String decisionId) {
        return "ct:decision/" + decisionId;
    }

    static String memberId(String memberId) {
        return "ct:member/" + memberId;
    }

    static String contributionId(String contributionId) {
        return "ct:contribution/" + contributionId;
    }

    static String reflectionId(String reflectionId) {
        return "ct:reflection/" + reflectionId;
    }

    /** The statements of one document, gathered section by section in the order they are written. */
    private static final class Statements {

        private final ProjectHistory history;
        private final TeamHistory team;
        private final DecisionInfluencers answer;
        private final String decision;
        private final Map<String, Object> entities = new LinkedHashMap<>();
        private final Map<String, Object> activities = new LinkedHashMap<>();
        private final Map<String, Object> agents = new LinkedHashMap<>();
        private final Map<String, Object> generations = new LinkedHashMap<>();
        private final Map<String, Object> associations = new LinkedHashMap<>();
        private final Map<String, Object> attributions = new LinkedHashMap<>();
        private final Map<String, Object> influences = new LinkedHashMap<>();
        private final Map<String, Object> derivations = new LinkedHashMap<>();

        Statements(ProjectHistory history, TeamHistory team, DecisionInfluencers answer) {
            this.history = history;
            this.team = team;
            this.answer = answer;
            this.decision = decisionId(answer.decisionId());
        }

        Map<String, Object> document() {
            decision();
            // Influencers are described first, as the answer has them: role and perspectives at their
            // latest counted influence. Deciders and authors not among them are described as they were
            // when they decided or wrote.
            answer.influencers().forEach(this::influencer);
            making();
            answer.influencers().forEach(i -> i.evidence().forEach(e -> evidence(i.memberId(), e)));

            String bundleId = "ct:bundle/" + answer.projectId() + "/" + answer.decisionId();
            Map<String, Object> bundleEntity = new LinkedHashMap<>();
            bundleEntity.put("prov:type", qualifiedName("prov:Bundle"));
            bundleEntity.put("ct:projectId", answer.projectId());
            bundleEntity.put("ct:decisionId", answer.decisionId());
            bundleEntity.put("ct:asOf", dateTime(answer.asOf()));
            bundleEntity.put("ct:knownAt", dateTime(answer.knownAt()));

            Map<String, Object> prefixes = new LinkedHashMap<>();
            prefixes.put("ct", NAMESPACE);
            prefixes.put("prov", PROV_NAMESPACE);
            prefixes.put("xsd", XSD_NAMESPACE);

            Map<String, Object> document = new LinkedHashMap<>();
            document.put("prefix", prefixes);
            document.put("entity", Map.of(bundleId, bundleEntity));
            document.put("bundle", Map.of(bundleId, bundle()));
            return document;
        }

        private Map<String, Object> bundle() {
            Map<String, Object> bundle = new LinkedHashMap<>();
            section(bundle, "entity", entities);
            section(bundle, "activity", activities);
            section(bundle, "agent", agents);
            section(bundle, "wasGeneratedBy", generations);
            section(bundle, "wasAssociatedWith", associations);
            section(bundle, "wasAttributedTo", attributions);
            section(bundle, "wasInfluencedBy", influences);
            section(bundle, "wasDerivedFrom", derivations);
            return bundle;
        }

        private static void section(Map<String, Object> bundle, String name, Map<String, Object> statements) {
            if (!statements.isEmpty()) {
                bundle.put(name, statements);
            }
        }

        private void decision() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("prov:type", qualifiedName("ct:Decision"));
            put(attributes, "prov:label", answer.title());
            attributes.put("ct:decisionId", answer.decisionId());
            put(attributes, "ct:title", answer.title());
            attributes.put("ct:status", answer.status().name());
            put(attributes, "ct:outcome", answer.outcome());
            put(
                    attributes,
                    "ct:method",
                    answer.method() == null ? null : answer.method().name());
            put(attributes, "ct:proposedAt", dateTime(answer.proposedAt()));
            put(attributes, "ct:madeAt", dateTime(answer.madeAt()));
            entities.put(decision, attributes);
        }

        /** The making of the decision, an instant in the record: only once it is made. */
        private void making() {
            if (answer.status() != DecisionStatus.MADE && answer.status() != DecisionStatus.REVISED) {
                return;
            }
            String making = "ct:making/" + answer.decisionId();
            String madeAt = answer.madeAt().toString();
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("prov:startTime", madeAt);
            activity.put("prov:endTime", madeAt);
            activity.put("prov:type", qualifiedName("ct:DecisionMaking"));
            activity.put("ct:method", answer.method().name());
            activities.put(making, activity);

            Map<String, Object> generation = new LinkedHashMap<>();
            generation.put("prov:entity", decision);
            generation.put("prov:activity", making);
            generation.put("prov:time", madeAt);
            generations.put("ct:generation/" + answer.decisionId(), generation);

            for (String decider : answer.decidedBy()) {
                member(decider, team.at(decider, answer.madeAt()));
                Map<String, Object> association = new LinkedHashMap<>();
                association.put("prov:activity", making);
                association.put("prov:agent", memberId(decider));
                association.put("prov:role", qualifiedName("ct:Decider"));
                associations.put("ct:association/" + answer.decisionId() + "/" + decider, association);
            }
        }

        private void influencer(Influencer influencer) {
            Map<String, Object> agent =
                    person(influencer.memberId(), influencer.name(), influencer.role(), influencer.perspectives());
            agent.put("ct:kinds", influencer.kinds().stream().map(Enum::name).toList());
            agents.put(memberId(influencer.memberId()), agent);
        }

        /** An agent for a member not yet described, as they were at the time given. */
        private void member(String memberId, Optional<MemberState> then) {
            agents.computeIfAbsent(
                    memberId(memberId),
                    id -> person(
                            memberId,
                            then.map(MemberState::name).orElse(null),
                            then.map(MemberState::role).orElse(null),
                            then.map(MemberState::perspectives).orElse(null)));
        }

        private static Map<String, Object> person(
                String memberId, String name, String role, List<String> perspectives) {
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("prov:type", qualifiedName("prov:Person"));
            put(agent, "prov:label", name);
            agent.put("ct:memberId", memberId);
            put(agent, "ct:name", name);
            put(agent, "ct:role", role);
            put(agent, "ct:perspectives", perspectives);
            return agent;
        }

        /** One evidence item: an influence on the decision, and what it was derived from if it cites anything. */
        private void evidence(String memberId, Evidence evidence) {
            String relationId = evidence.influenceId() == null
                    ? "ct:proposal/" + answer.decisionId()
                    : "ct:influence/" + evidence.influenceId();
            Map<String, Object> influence = new LinkedHashMap<>();
            influence.put("prov:influencee", decision);
            influence.put("prov:influencer", memberId(memberId));
            describe(influence, evidence);
            influences.put(relationId, influence);

            if (evidence.contributionId() != null) {
                // A contribution retracted in the record is treated as never having existed.
                ProjectHistory.Contribution contribution = history.contribution(evidence.contributionId());
                if (contribution != null) {
                    contribution(contribution);
                    derivation(evidence, "contribution", contributionId(contribution.contributionId()));
                }
            }
            if (evidence.reflectionId() != null) {
                ProjectHistory.Reflection reflection = history.reflection(evidence.reflectionId());
                if (reflection != null) {
                    reflection(reflection);
                    derivation(evidence, "reflection", reflectionId(reflection.reflectionId()));
                }
            }
        }

        private void derivation(Evidence evidence, String cited, String usedEntity) {
            Map<String, Object> derivation = new LinkedHashMap<>();
            derivation.put("prov:generatedEntity", decision);
            derivation.put("prov:usedEntity", usedEntity);
            describe(derivation, evidence);
            derivations.put("ct:derivation/" + evidence.influenceId() + "/" + cited, derivation);
        }

        private static void describe(Map<String, Object> relation, Evidence evidence) {
            relation.put("ct:kind", evidence.kind().name());
            relation.put("ct:occurredAt", dateTime(evidence.occurredAt()));
            relation.put("ct:recordedAt", dateTime(evidence.recordedAt()));
            put(relation, "ct:eventId", evidence.eventId());
            put(relation, "ct:influenceId", evidence.influenceId());
        }

        private void contribution(ProjectHistory.Contribution contribution) {
            String id = contributionId(contribution.contributionId());
            if (entities.containsKey(id)) {
                return;
            }
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("prov:type", qualifiedName("ct:Contribution"));
            entity.put("ct:contributionId", contribution.contributionId());
            entity.put("ct:meetingId", contribution.meetingId());
            entity.put("ct:category", contribution.category().name());
            entity.put("ct:occurredAt", dateTime(contribution.occurredAt()));
            entities.put(id, entity);
            attribution(id, contribution.memberId(), contribution.occurredAt());
        }

        private void reflection(ProjectHistory.Reflection reflection) {
            String id = reflectionId(reflection.reflectionId());
            if (entities.containsKey(id)) {
                return;
            }
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("prov:type", qualifiedName("ct:Reflection"));
            entity.put("ct:reflectionId", reflection.reflectionId());
            entity.put("ct:visibility", reflection.visibility().name());
            entity.put("ct:occurredAt", dateTime(reflection.occurredAt()));
            entities.put(id, entity);
            attribution(id, reflection.authorId(), reflection.occurredAt());
        }

        private void attribution(String entity, String authorId, Instant occurredAt) {
            member(authorId, team.at(authorId, occurredAt));
            Map<String, Object> attribution = new LinkedHashMap<>();
            attribution.put("prov:entity", entity);
            attribution.put("prov:agent", memberId(authorId));
            attributions.put("ct:attribution/" + entity.substring("ct:".length()), attribution);
        }
    }

    private static void put(Map<String, Object> attributes, String name, Object value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static Map<String, Object> dateTime(Instant instant) {
        return instant == null ? null : typed(instant.toString(), DATE_TIME);
    }

    private static Map<String, Object> qualifiedName(String name) {
        return typed(name, QUALIFIED_NAME);
    }

    private static Map<String, Object> typed(String value, String type) {
        Map<String, Object> literal = new LinkedHashMap<>();
        literal.put("$", value);
        literal.put("type", type);
        return literal;
    }
}
