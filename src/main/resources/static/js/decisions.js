// Decisions: the list (status, outcome, influencer counts) and one decision: its history from
// proposal to revision, who influenced it as of the page's (asOf, knownAt) with the evidence, and
// its provenance as PROV-JSON to download.
import { api, el, shell, say, projectId, params, timeQuery, onTimeChange, label, link, day, table, ApiError, csvLink, me, may, retractionForm as retractForm, onSubmit, localDay } from './common.js';
import { namesFrom, summary, typeLabel, when, lateness, timeLimits, knownBy } from './events.js';

const project = projectId();
const decisionId = params().get('decision');
const main = shell({ page: 'decisions.html', title: decisionId ? 'Decision' : 'Decisions', timeControls: true });
const content = el('div', { id: 'decisions-content' });
main.append(content);
const base = `/api/projects/${encodeURIComponent(project || '')}`;
const HISTORY_TYPES = ['DecisionProposed', 'InfluenceRecorded', 'InfluenceRetracted', 'DecisionMade', 'DecisionRevised'];

function show() {
  const work = decisionId ? showDecision() : showList();
  work.then(() => { document.body.dataset.loaded = new URLSearchParams(location.search).toString(); })
    .catch((e) => {
      say(e instanceof ApiError && e.status === 404 ? `Not found: ${e.message}` : `Could not load: ${e.message}`, 'error');
    });
}

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  show();
  onTimeChange(show);
}

/** "as of the end of 1 August 2022, as recorded on …" for the page's time controls. */
function timeWords() {
  const p = params();
  const asOf = p.get('asOf') ? `as of the end of ${p.get('asOf')}` : 'as of now';
  const knownAt = p.get('knownAt') ? `as recorded on ${p.get('knownAt')}` : 'as recorded now';
  return `${asOf}, ${knownAt}`;
}

async function showList() {
  say('Loading the decisions…');
  const time = timeQuery();
  const [list, overview] = await Promise.all([api(`${base}/decisions`, { query: time }), api(base, { query: time })]);
  const names = namesFrom(overview);
  const status = el('select', { id: 'filter-status' },
    el('option', { value: '' }, 'Every status'),
    ['PROPOSED', 'MADE', 'REVISED'].map((s) => el('option', { value: s }, label(s))));
  const holder = el('div');
  const draw = () => {
    const rows = list.decisions.filter((d) => !status.value || d.status === status.value);
    holder.replaceChildren(table({
      id: 'decisions',
      caption: `${rows.length} decision${rows.length === 1 ? '' : 's'} ${timeWords()}`,
      headers: ['Decision', 'Status', 'Proposed', 'Made', 'Outcome in force', 'Method', 'Influencers', 'Influences'],
      rows: rows.map((d) => [
        el('span', {}, el('a', { href: link('decisions.html', { decision: d.decisionId }) }, d.title), el('br'),
          el('span', { class: 'mono muted' }, d.decisionId)),
        el('span', { class: `status-${String(d.status).toLowerCase()}` }, label(d.status)),
        el('span', {}, day(d.proposedAt), el('br'), el('span', { class: 'muted' }, d.proposedBy ? names.member(d.proposedBy) : '')),
        day(d.madeAt) || '–',
        d.outcome || '–',
        d.method ? label(d.method) : '–',
        el('span', { class: 'num' }, String(d.influencers)),
        el('span', { class: 'num' }, String(d.influences)),
      ]),
    }));
  };
  status.addEventListener('change', draw);
  content.replaceChildren(
    el('p', {}, 'Every decision proposed by the chosen date, as the record stood on the chosen day. Open one to see its history and who influenced it.'),
    el('div', { class: 'filter-row' }, el('label', { for: 'filter-status' }, 'Status '), status),
    holder,
    el('p', {}, csvLink(`${base}/decisions`, time, 'every decision')));
  draw();
  say('');
}

async function allPages(path, query) {
  const first = await api(path, { query: { ...query, page: 0, size: 1000 } });
  const rest = await Promise.all(Array.from({ length: Math.max(0, Math.ceil(first.total / 1000) - 1) },
    (_, i) => api(path, { query: { ...query, page: i + 1, size: 1000 } })));
  return [first, ...rest].flatMap((p) => p.entries);
}

async function showDecision() {
  say('Loading the decision…');
  const time = timeQuery();
  const path = `${base}/decisions/${encodeURIComponent(decisionId)}`;
  const [who, overview, entries, account] = await Promise.all([
    api(`${path}/influencers`, { query: time }),
    api(base, { query: time }),
    // Its history: the timeline's decision events, kept here when recorded by knownAt. Valid time
    // is cut here too: a retraction known by knownAt removes its influence at every valid time,
    // so one that happened after asOf still marks the influence it retracts.
    allPages(`${base}/timeline`, { type: HISTORY_TYPES.join(',') }),
    me(),
  ]);
  const limits = timeLimits();
  const known = knownBy(entries.filter((e) => e.data.decisionId === decisionId), limits.knownAt);
  const retractions = new Map(known.filter((e) => e.type === 'InfluenceRetracted').map((e) => [e.data.influenceId, e]));
  const history = known.filter((e) => Date.parse(e.occurredAt) < limits.asOf);
  const names = namesFrom(overview, history);
  const memberName = (id) => names.member(id);
  const prov = `${path}/provenance?${new URLSearchParams(time)}`;
  document.title = `${who.title || decisionId} · Decision · Coproduction Timeline`;

  const facts = [
    ['Decision', el('span', {}, who.title || '', ' ', el('span', { class: 'mono muted' }, `(${decisionId})`))],
    ['Status', label(who.status)],
    ['Proposed', who.proposedAt ? `${when(who.proposedAt)}${who.proposedBy ? ` by ${memberName(who.proposedBy)}` : ''}` : '–'],
    ['Made', who.madeAt ? `${when(who.madeAt)}${who.method ? `, ${label(who.method)}` : ''}` : 'not yet'],
    ['Decided by', who.decidedBy.length ? who.decidedBy.map(memberName).join(', ') : '–'],
    ['Outcome in force', who.outcome || '–'],
  ];
  const influencers = who.influencers || [];
  // A recorder may correct an influence from here: retract it with a reason (a new event), then record the right one.
  const correctable = may(account, project, 'RECORDER')
    ? influencers.flatMap((m) => m.evidence.filter((x) => x.influenceId).map((x) => ({ m, x })))
    : [];
  const evidenceRows = influencers.flatMap((m) => m.evidence.map((x) => ({ m, x })));
  content.replaceChildren(...[
    el('p', {}, el('a', { href: link('decisions.html', { decision: null }) }, '← All decisions')),
    el('dl', { class: 'facts', id: 'decision-facts' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    who.status === 'NOT_YET_PROPOSED'
      ? el('p', { class: 'status info', id: 'not-yet' }, `This decision had not been proposed ${timeWords()}.`)
      : null,

    el('h2', { id: 'influencers-heading' }, `Who influenced this ${timeWords()}`),
    el('p', {}, csvLink(`${base}/decisions/${encodeURIComponent(who.decisionId)}/influencers`, timeQuery(), 'the influencers and their evidence')),
    el('p', { class: 'muted' }, 'Role and perspectives are those in force at each member’s latest counted influence; the proposer counts as a “Proposed” influence. A retraction recorded by the chosen day removes its influence at every date.'),
    influencers.length ? el('table', { id: 'influencers', class: 'data', tabindex: '0' },
      el('caption', {}, `${influencers.length} influencer${influencers.length === 1 ? '' : 's'}`),
      el('thead', {}, el('tr', {}, ['Member', 'Role', 'Perspectives', 'Kinds of influence', 'Evidence'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, influencers.map((m) => el('tr', { 'data-member-id': m.memberId },
        el('th', { scope: 'row' }, m.name || m.memberId),
        el('td', {}, label(m.role)),
        el('td', {}, (m.perspectives || []).map(label).join(', ')),
        el('td', {}, (m.kinds || []).map(label).join(', ')),
        el('td', { class: 'num' }, String(m.evidence.length))))))
      : el('p', { id: 'no-influencers' }, 'No influence recorded.'),

    evidenceRows.length ? el('table', { id: 'evidence', class: 'data', tabindex: '0' },
      el('caption', {}, 'The evidence, influence by influence'),
      el('thead', {}, el('tr', {}, ['Member', 'Kind', 'Happened', 'Recorded', 'Source', 'Summary', 'Influence', ...(correctable.length ? ['Correct'] : [])].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, evidenceRows.map(({ m, x }) => el('tr', { 'data-member-id': m.memberId, 'data-influence-id': x.influenceId || 'proposal' },
        el('th', { scope: 'row' }, m.name || m.memberId),
        el('td', {}, label(x.kind)),
        el('td', {}, when(x.occurredAt)),
        el('td', {}, when(x.recordedAt), late({ occurredAt: x.occurredAt, recordedAt: x.recordedAt })),
        el('td', { title: x.contributionId || x.reflectionId || '' }, [x.contributionId ? 'a turn in a meeting' : null, x.reflectionId ? 'a reflection' : null].filter(Boolean).join(' and ') || (x.influenceId ? '–' : 'the proposal')),
        el('td', {}, x.summary || ''),
        el('td', { class: 'mono' }, x.influenceId || 'proposal'),
        correctable.length ? el('td', {}, x.influenceId ? el('button', {
          type: 'button', class: 'secondary', 'data-correct': x.influenceId,
          onclick: () => { document.getElementById('retract-influenceId').value = x.influenceId; document.getElementById('retract-influence-reason').focus(); },
        }, 'Correct…') : '') : null))))
      : null,
    correctable.length ? retractionForm(path, correctable) : null,
    may(account, project, 'RECORDER') && (who.status === 'MADE' || who.status === 'REVISED') ? revisionForm(path, who) : null,

    who.discussedBy && who.discussedBy.length ? table({
      id: 'discussed-by',
      caption: 'Spoke to it in meetings (talking is not influencing)',
      headers: ['Member', 'Contributions'],
      rows: who.discussedBy.map((d) => [memberName(d.memberId), String(d.contributions)]),
    }) : null,

    el('h2', { id: 'history-heading' }, 'History'),
    el('p', { class: 'muted' }, `Proposal, influences, outcome and revisions ${timeWords()}, in the order they happened. A retracted influence stays in the history, marked.`),
    historyTable(history, retractions, names),

    el('h2', {}, 'Provenance'),
    el('p', {}, 'The decision’s provenance as W3C PROV-JSON, for the same point in time: the decision, the activity that made it, the members, one influence per evidence item and what each cites (never a reflection’s text).'),
    el('p', {}, el('a', { id: 'prov-download', class: 'button', href: prov, download: `${project}-${decisionId}-provenance.json`, type: 'application/json' }, 'Download PROV-JSON')),
  ].filter(Boolean));
  say('');
}

/** "(recorded 61 days later)": a week or more stands out, a day or two (minutes typed up) does not. */
/**
 * Retracting an influence with its reason: a new event, kept in the history with the reason; the
 * influence no longer counts at any date. The right one is then recorded on the Record page.
 */
function retractionForm(path, rows) {
  const choice = el('select', { id: 'retract-influenceId', name: 'influenceId' },
    rows.map(({ m, x }) => el('option', { value: x.influenceId }, `${m.name || m.memberId}: ${label(x.kind)}, ${day(x.occurredAt)}`)));
  const form = retractForm({
    id: 'retract-influence',
    before: [el('label', { for: choice.id }, 'Influence'), choice],
    button: 'Retract this influence',
    send: (reason) => api(`${path}/influences/${encodeURIComponent(choice.value)}/retraction`, { method: 'POST', body: { reason } }),
    done: async () => {
      await showDecision();
      say('The influence is retracted. Record the right one on the Record page, if there is one.', 'ok');
    },
  });
  return el('section', { id: 'correct', 'aria-labelledby': 'correct-heading' },
    el('h2', { id: 'correct-heading' }, 'Correct an influence'),
    el('p', { class: 'hint' }, 'A retraction is a new event: the influence stays in the history with your reason and no longer counts at any date. Then record the right one on the ',
      el('a', { href: `${link('record.html', { decision: null })}#record-influence` }, 'Record page'), '.'),
    form);
}

/**
 * Revising a made decision's outcome from a date (DecisionRevised, with its reason): a change of
 * mind or a correction of the outcome recorded; the history keeps every outcome.
 */
function revisionForm(path, who) {
  const outcome = el('textarea', { id: 'revise-outcome', name: 'outcome', rows: 2 }, who.outcome || '');
  const reason = el('textarea', { id: 'revise-reason', name: 'reason', rows: 2 });
  const from = el('input', { id: 'revise-occurredAt', name: 'occurredAt', type: 'date', min: day(who.madeAt) });
  const form = el('form', { id: 'revise-decision', class: 'stacked', novalidate: true },
    el('label', { for: outcome.id }, 'Outcome from then on'), outcome,
    el('label', { for: reason.id }, 'Why it changed, or what was wrong (kept in the record)'), reason,
    el('label', { for: from.id }, 'From (optional, default now; the day it was made corrects it from the start)'), from,
    el('div', {}, el('button', { type: 'submit' }, 'Revise the outcome')));
  onSubmit(form, () => {
    const body = { outcome: outcome.value.trim(), reason: reason.value.trim(), occurredAt: from.value ? localDay(from.value) : undefined };
    // The day it was made means from the moment it was made, not the end of that day.
    if (from.value && from.value === day(who.madeAt)) body.occurredAt = who.madeAt;
    return api(`${path}/revisions`, { method: 'POST', body });
  }, async () => {
    await showDecision();
    say('The outcome is revised; the history keeps the earlier one.', 'ok');
  });
  return el('section', { id: 'revise', 'aria-labelledby': 'revise-heading' },
    el('h2', { id: 'revise-heading' }, 'Revise the outcome'),
    el('p', { class: 'hint' }, 'A revision is a new event: the outcome in force changes from the date given, and the history keeps the earlier outcome with your reason.'),
    form);
}

function late(e) {
  const words = lateness(e);
  if (!words) return null;
  const week = Date.parse(e.recordedAt) - Date.parse(e.occurredAt) >= 7 * 86400000;
  return el('span', { class: week ? 'late' : 'muted' }, ` (${words})`);
}

function historyTable(history, retractions, names) {
  if (!history.length) return el('p', { id: 'history-empty' }, 'Nothing recorded yet.');
  return el('table', { id: 'history', class: 'data events', tabindex: '0' },
    el('caption', {}, `${history.length} event${history.length === 1 ? '' : 's'}`),
    el('thead', {}, el('tr', {}, ['Happened', 'Recorded', 'Event', 'What'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, history.map((e) => {
      const retraction = e.type === 'InfluenceRecorded' ? retractions.get(e.data.influenceId) : null;
      return el('tr', { class: retraction ? 'retracted' : null, 'data-type': e.type, 'data-influence-id': e.data.influenceId || null },
        el('th', { scope: 'row' }, when(e.occurredAt)),
        el('td', {}, when(e.recordedAt), late(e)),
        el('td', {}, typeLabel(e.type)),
        el('td', {}, summary(e, names, { decision: false }),
          e.data.influenceId ? el('span', { class: 'mono muted' }, ` ${e.data.influenceId}`) : null,
          retraction ? el('strong', { class: 'tag' }, ` retracted (recorded ${day(retraction.recordedAt)}: ${retraction.data.reason})`) : null));
    })));
}
