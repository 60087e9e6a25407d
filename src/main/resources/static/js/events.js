// How the timeline and decision pages speak of one event: its lane on the timeline, a one-line
// summary in plain words and its fields as a list. Shared by timeline.js and decisions.js.
import { el, label, day, link } from './common.js';

/** The timeline's lanes, top to bottom: each a colour and a symbol, so colour is never the only cue. */
export const LANES = [
  { key: 'team', label: 'Project and team', color: '#1d4f91', symbol: 'rect',
    types: ['ProjectRegistered', 'PhaseStarted', 'ProjectClosed', 'MemberJoined', 'MemberRoleChanged', 'MemberLeft', 'ConsentWithdrawn'] },
  { key: 'meetings', label: 'Meetings', color: '#6b3fa0', symbol: 'roundRect', types: ['MeetingHeld'] },
  { key: 'contributions', label: 'Contributions', color: '#4f5d66', symbol: 'circle',
    types: ['TurnTranscribed', 'ContributionRecorded', 'ContributionRetracted'] },
  { key: 'decisions', label: 'Decisions', color: '#a34700', symbol: 'diamond',
    types: ['DecisionProposed', 'DecisionMade', 'DecisionRevised'] },
  { key: 'influences', label: 'Influences', color: '#00703c', symbol: 'triangle',
    types: ['InfluenceRecorded', 'InfluenceRetracted'] },
  { key: 'reflections', label: 'Reflections and interviews', color: '#a4001d', symbol: 'pin',
    types: ['ReflectionWritten', 'ReflectionCoded', 'PassageCoded', 'InterviewRecorded', 'Gripp2ItemWritten',
      'CodeDefined', 'CodeRevised', 'CodesMerged', 'CodeRetired'] },
];

const LANE_OF = new Map(LANES.flatMap((lane, i) => lane.types.map((t) => [t, i])));

/** The lane index of an event type; an unknown type goes with the project and team. */
export function laneOf(type) {
  return LANE_OF.get(type) ?? 0;
}

/** ContributionRecorded as "Contribution recorded". */
export function typeLabel(type) {
  const words = String(type).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the page knows to name things: member, meeting and decision names by id, and a turn, an
 * influence or a reflection by who and when (for the corrections that name them). Built from the
 * project overview and completed from the events themselves.
 */
export function namesFrom(overview, entries = []) {
  const members = new Map((overview.members || []).map((m) => [m.memberId, m.name]));
  const meetings = new Map((overview.meetings || []).map((m) => [m.meetingId, m.title]));
  const decisions = new Map((overview.decisions || []).map((d) => [d.decisionId, d.title]));
  const turns = new Map(); // contributionId -> its entry
  const influences = new Map(); // influenceId -> its entry
  const reflections = new Map(); // reflectionId -> its entry
  for (const e of entries) {
    for (const m of e.members || []) if (m.name && !members.has(m.memberId)) members.set(m.memberId, m.name);
    if (e.type === 'ContributionRecorded') turns.set(e.data.contributionId, e);
    if (e.type === 'InfluenceRecorded') influences.set(e.data.influenceId, e);
    if (e.type === 'ReflectionWritten') reflections.set(e.data.reflectionId, e);
    if (e.type === 'MeetingHeld' && !meetings.has(e.data.meetingId)) meetings.set(e.data.meetingId, e.data.title);
    if (e.type === 'DecisionProposed' && !decisions.has(e.data.decisionId)) decisions.set(e.data.decisionId, e.data.title);
  }
  const member = (id) => members.get(id) || id;
  return {
    member,
    meeting: (id) => meetings.get(id) || id,
    decision: (id) => decisions.get(id) || id,
    turn: (id) => {
      const t = turns.get(id);
      return t ? `${member(t.data.memberId)}'s turn (${label(t.data.category)}, ${when(t.occurredAt)})` : `turn ${id}`;
    },
    influence: (id) => {
      const i = influences.get(id);
      return i ? `${member(i.data.memberId)}'s influence (${label(i.data.kind)}, ${when(i.occurredAt).slice(0, 10)})` : `influence ${id}`;
    },
    reflection: (id) => {
      const r = reflections.get(id);
      return r ? `${member(r.data.authorId)}'s reflection of ${when(r.occurredAt).slice(0, 10)}` : `reflection ${id}`;
    },
  };
}

/** One line saying what happened, in plain words; decision: false leaves out which decision (its own page). */
export function summary(entry, names, { decision = true } = {}) {
  const d = entry.data || {};
  const who = (id) => names.member(id);
  switch (entry.type) {
    case 'ProjectRegistered': return `Project registered: ${d.title}`;
    case 'PhaseStarted': return `Phase started: ${d.name}`;
    case 'ProjectClosed': return 'Project closed';
    case 'MemberJoined': return `${who(d.memberId)} joined as ${label(d.role)} (${(d.perspectives || []).map(label).join(', ')})`;
    case 'MemberRoleChanged': return `${who(d.memberId)} is now ${label(d.role)} (${(d.perspectives || []).map(label).join(', ')})`;
    case 'MemberLeft': return `${who(d.memberId)} left the team`;
    case 'ConsentWithdrawn': return `${who(d.memberId)} withdrew consent`;
    case 'MeetingHeld': return `${d.title} (${label(d.kind)}), ${(d.attendees || []).length} attending`;
    case 'ContributionRecorded': return `${who(d.memberId)}: ${label(d.category)}${d.summary ? ` — ${d.summary}` : ''} (${names.meeting(d.meetingId)})`;
    case 'ContributionRetracted': return `${cap(names.turn(d.contributionId))} retracted: ${d.reason}`;
    case 'TurnTranscribed': return `${who(d.memberId)} said${d.text ? `: “${d.text}”` : d.textWithdrawn ? ' (words withdrawn)' : ''} (${names.meeting(d.meetingId)}, transcript)`;
    case 'DecisionProposed': {
      // A proposer withdrawn with scope ALL is named nowhere: the proposal stays, by nobody named.
      const by = d.proposedBy ? `${who(d.proposedBy)} proposed` : 'Proposed';
      return decision ? `${by}: ${d.title}` : `${by} it`;
    }
    case 'InfluenceRecorded': return `${who(d.memberId)}: ${label(d.kind)}${decision ? ` on “${names.decision(d.decisionId)}”` : ''}${d.note ? ` — ${d.note}` : ''}`;
    case 'InfluenceRetracted': return `${cap(names.influence(d.influenceId))}${decision ? ` on “${names.decision(d.decisionId)}”` : ''} retracted: ${d.reason}`;
    case 'DecisionMade': return `Decided (${label(d.method)}): ${d.outcome}`;
    case 'DecisionRevised': return `Revised: ${d.outcome}${d.reason ? ` (${d.reason})` : ''}`;
    case 'ReflectionWritten': return `${who(d.authorId)} wrote a ${d.visibility === 'PRIVATE' ? 'private' : 'team'} reflection`;
    case 'ReflectionCoded': return `${cap(names.reflection(d.reflectionId))} coded: ${(d.codes || []).join(', ')}`;
    case 'InterviewRecorded': return `${who(d.intervieweeId)} interviewed by ${who(d.interviewerId)}`;
    case 'PassageCoded': {
      const text = d.source === 'INTERVIEW' ? `interview ${d.sourceId}` : names.reflection(d.sourceId);
      const codes = (d.codes || []).length ? `: ${d.codes.join(', ')}` : ': coding cleared';
      return `${who(d.codedBy)} coded a passage of ${text} (characters ${d.start + 1} to ${d.end})${codes}`;
    }
    case 'CodeDefined': return `${who(d.changedBy)} defined the code ${d.name || d.code}`;
    case 'CodeRevised': return `${who(d.changedBy)} revised the code ${d.name || d.code}`;
    case 'CodesMerged': return `${who(d.changedBy)} merged the codes ${(d.codes || []).join(', ')} into ${d.into}`;
    case 'CodeRetired': return `${who(d.changedBy)} retired the code ${d.code}`;
    case 'Gripp2ItemWritten': return `${(d.authors || []).map(who).join(', ')} wrote the report's GRIPP2 answer on ${(d.item || '').toLowerCase()}`;
    default: return typeLabel(entry.type);
  }
}

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Milliseconds of an API instant. */
export function ms(instant) {
  return Date.parse(instant);
}

/** How long after it happened an event was recorded, when that is a day or more: "recorded 61 days later". */
export function lateness(entry) {
  const days = Math.floor((ms(entry.recordedAt) - ms(entry.occurredAt)) / 86400000);
  return days >= 1 ? `recorded ${days} day${days === 1 ? '' : 's'} later` : '';
}

/** 2022-07-12 10:00 UTC. */
export function when(instant) {
  return instant ? `${day(instant)} ${String(instant).slice(11, 16)} UTC` : '';
}

const MEMBER_FIELDS = new Set(['memberId', 'proposedBy', 'authorId', 'codedBy', 'intervieweeId', 'interviewerId']);
const MEMBER_LIST_FIELDS = new Set(['attendees', 'decidedBy']);

/** The event's fields as a definition list: members by name, decisions linked to their page. */
export function details(entry, names, { retractedBy } = {}) {
  const rows = [
    ['Event', typeLabel(entry.type)],
    ['Happened', when(entry.occurredAt)],
    ['Recorded', [when(entry.recordedAt), lateness(entry)].filter(Boolean).join(', ')],
    ['Phase', entry.phaseName || 'before the first phase'],
  ];
  if (retractedBy) rows.push(['Retracted', `${when(retractedBy.recordedAt)}: ${retractedBy.data.reason}`]);
  for (const [key, value] of Object.entries(entry.data || {})) {
    if (key === 'projectId' || key === 'occurredAt') continue;
    let shown;
    if (MEMBER_FIELDS.has(key)) shown = names.member(value);
    else if (MEMBER_LIST_FIELDS.has(key)) shown = (value || []).map(names.member).join(', ');
    else if (key === 'decisionId') shown = el('a', { href: link('decisions.html', { decision: value }) }, `${names.decision(value)} (${value})`);
    else if (key === 'meetingId') shown = `${names.meeting(value)} (${value})`;
    else if (Array.isArray(value)) shown = value.map((v) => (/^[A-Z_]+$/.test(v) ? label(v) : v)).join(', ');
    else if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) shown = label(value);
    else shown = String(value);
    rows.push([fieldLabel(key), shown]);
  }
  return el('dl', { class: 'event-fields' }, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function fieldLabel(key) {
  const words = key.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Escapes text for the HTML ECharts' tooltips are written in. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * The (asOf, knownAt) of the URL's time controls as limits in milliseconds: the start of the day
 * after the chosen one (exclusive), as "the end of that day" means; Infinity when absent.
 */
export function timeLimits() {
  const p = new URLSearchParams(location.search);
  const before = (d) => (d ? Date.parse(`${d}T00:00:00Z`) + 86400000 : Infinity);
  return { asOf: before(p.get('asOf')), knownAt: before(p.get('knownAt')) };
}

/** The entries as the record stood at knownAt: recorded by then (the timeline API has no knownAt). */
export function knownBy(entries, knownAt) {
  return knownAt === Infinity ? entries : entries.filter((e) => ms(e.recordedAt) < knownAt);
}
