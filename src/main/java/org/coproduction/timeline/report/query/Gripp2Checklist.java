package org.coproduction.timeline.report.query;

import static org.coproduction.timeline.api.Gripp2Topic.AIM;
import static org.coproduction.timeline.api.Gripp2Topic.CONCEPTS;
import static org.coproduction.timeline.api.Gripp2Topic.CONCLUSIONS;
import static org.coproduction.timeline.api.Gripp2Topic.DEFINITION;
import static org.coproduction.timeline.api.Gripp2Topic.ECONOMIC;
import static org.coproduction.timeline.api.Gripp2Topic.IMPACT;
import static org.coproduction.timeline.api.Gripp2Topic.KEYWORDS;
import static org.coproduction.timeline.api.Gripp2Topic.LEVEL;
import static org.coproduction.timeline.api.Gripp2Topic.METHODS;
import static org.coproduction.timeline.api.Gripp2Topic.OUTCOMES;
import static org.coproduction.timeline.api.Gripp2Topic.PEOPLE;
import static org.coproduction.timeline.api.Gripp2Topic.QUALITATIVE;
import static org.coproduction.timeline.api.Gripp2Topic.REFLECTIONS;
import static org.coproduction.timeline.api.Gripp2Topic.RESULTS;
import static org.coproduction.timeline.api.Gripp2Topic.ROBUSTNESS;
import static org.coproduction.timeline.api.Gripp2Topic.STAGES;
import static org.coproduction.timeline.api.Gripp2Topic.THEORY;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.report.api.Gripp2Status;
import org.coproduction.timeline.report.api.LifecycleReport.ChecklistItem;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;

/**
 * The two GRIPP2 checklists (Staniszewska S, Brett J, Simera I, et al. GRIPP2 reporting checklists:
 * tools to improve reporting of patient and public involvement in research. BMJ 2017;358:j3453;
 * CC BY 4.0), each item with the keys of the report's answers to it. The short form's wording is its
 * Table 2; the long form's, sections 1 to 6, its Table 1. The long form's sections 7 to 9 are listed
 * by section, pointing at the paper for their items: their wording could not be checked against the
 * paper when this was written (see docs/reports.md).
 */
final class Gripp2Checklist {

    /** One checklist item before its status is known. */
    record Item(String number, String topic, String wording, List<Gripp2Topic> answeredIn) {}

    private static final String SEE_THE_PAPER = "The long form's items for this section: see Table 1 of the paper.";

    static final List<Item> SHORT_FORM = List.of(
            new Item("1", "Aim", "Report the aim of PPI in the study", List.of(AIM)),
            new Item(
                    "2",
                    "Methods",
                    "Provide a clear description of the methods used for PPI in the study",
                    List.of(METHODS, PEOPLE, STAGES, LEVEL, IMPACT)),
            new Item(
                    "3",
                    "Study results",
                    "Outcomes: report the results of PPI in the study, including both positive and negative outcomes",
                    List.of(RESULTS)),
            new Item(
                    "4",
                    "Discussion and conclusions",
                    "Outcomes: comment on the extent to which PPI influenced the study overall. Describe positive"
                            + " and negative effects",
                    List.of(OUTCOMES)),
            new Item(
                    "5",
                    "Reflections/critical perspective",
                    "Comment critically on the study, reflecting on the things that went well and those that did"
                            + " not, so others can learn from this experience",
                    List.of(REFLECTIONS)));

    static final List<Item> LONG_FORM = List.of(
            new Item("1a", "Aim (abstract)", "Report the aim of the study", List.of(AIM)),
            new Item(
                    "1b",
                    "Methods (abstract)",
                    "Describe the methods used by which patients and the public were involved",
                    List.of(METHODS)),
            new Item(
                    "1c",
                    "Results (abstract)",
                    "Report the impacts and outcomes of PPI in the study",
                    List.of(RESULTS)),
            new Item(
                    "1d",
                    "Conclusions (abstract)",
                    "Summarise the main conclusions of the study",
                    List.of(CONCLUSIONS)),
            new Item(
                    "1e",
                    "Keywords",
                    "Include PPI, \u201cpatient and public involvement,\u201d or alternative terms as keywords",
                    List.of(KEYWORDS)),
            new Item(
                    "2a",
                    "Definition",
                    "Report the definition of PPI used in the study and how it links to comparable studies",
                    List.of(DEFINITION)),
            new Item(
                    "2b",
                    "Theoretical underpinnings",
                    "Report the theoretical rationale and any theoretical influences relating to PPI in the study",
                    List.of(THEORY)),
            new Item(
                    "2c",
                    "Concepts and theory development",
                    "Report any conceptual or theoretical models, or influences, used in the study",
                    List.of(CONCEPTS)),
            new Item("3", "Aim", "Report the aim of the study", List.of(AIM)),
            new Item(
                    "4a",
                    "Design",
                    "Provide a clear description of methods by which patients and the public were involved",
                    List.of(METHODS)),
            new Item(
                    "4b",
                    "People involved",
                    "Provide a description of patients, carers, and the public involved with the PPI activity in"
                            + " the study",
                    List.of(PEOPLE)),
            new Item(
                    "4c",
                    "Stages of involvement",
                    "Report on how PPI is used at different stages of the study",
                    List.of(STAGES)),
            new Item(
                    "4d",
                    "Level or nature of involvement",
                    "Report the level or nature of PPI used at various stages of the study",
                    List.of(LEVEL)),
            new Item(
                    "5a",
                    "Qualitative evidence of impact",
                    "If applicable, report the methods used to qualitatively explore the impact of PPI in the study",
                    List.of(QUALITATIVE)),
            new Item(
                    "5b",
                    "Quantitative evidence of impact",
                    "If applicable, report the methods used to quantitatively measure or assess the impact of PPI",
                    List.of(IMPACT)),
            new Item(
                    "5c",
                    "Robustness of measure",
                    "If applicable, report the rigor of the method used to capture or measure the impact of PPI",
                    List.of(ROBUSTNESS)),
            new Item(
                    "6",
                    "Economic assessment",
                    SEE_THE_PAPER.replace("items for this section", "item"),
                    List.of(ECONOMIC)),
            new Item("7", "Study results", SEE_THE_PAPER, List.of(RESULTS)),
            new Item("8", "Discussion and conclusions", SEE_THE_PAPER, List.of(OUTCOMES)),
            new Item("9", "Reflections/critical perspective", SEE_THE_PAPER, List.of(REFLECTIONS)));

    private Gripp2Checklist() {}

    /**
     * A checklist with each item's status: from the record where an answer it names is filled from
     * the record, written by the team where the team wrote one, both, or not yet answered.
     */
    static List<ChecklistItem> of(List<Item> items, List<Gripp2Item> answers) {
        // Every topic has its answer (Gripp2Items gives one to each).
        Map<String, Gripp2Item> byKey =
                answers.stream().collect(Collectors.toMap(Gripp2Item::key, Function.identity()));
        return items.stream()
                .map(item -> {
                    List<String> keys =
                            item.answeredIn().stream().map(Gripp2Topic::key).toList();
                    List<Gripp2Item> named = keys.stream().map(byKey::get).toList();
                    boolean record = named.stream().anyMatch(answer -> !answer.toBeWrittenByTeam());
                    boolean team = named.stream().anyMatch(answer -> answer.written() != null);
                    Gripp2Status status = record && team
                            ? Gripp2Status.FROM_THE_RECORD_AND_THE_TEAM
                            : record
                                    ? Gripp2Status.FROM_THE_RECORD
                                    : team ? Gripp2Status.WRITTEN_BY_THE_TEAM : Gripp2Status.NOT_YET_ANSWERED;
                    return new ChecklistItem(item.number(), item.topic(), item.wording(), keys, status);
                })
                .toList();
    }
}
