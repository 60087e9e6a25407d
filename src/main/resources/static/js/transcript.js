// A meeting's transcript: bring it in (WebVTT or "Name:" text, each speaker mapped to a member, the
// mapping remembered for the project's next transcript), then code its turns one after another on
// the live screen's keys (a-l, the IPA categories in Bales' order). A turn's coding is recorded as
// the turn's contribution, by its speaker, at the time it was said.
import { api, el, shell, say, showErrors, clearErrors, day, label, IPA, IPA_MEANINGS, params, projectId, knowNames } from './common.js';

const project = projectId();
const main = shell({ page: 'meeting.html', title: 'Meeting transcript' });
const CATEGORY_KEYS = [...'abcdefghijkl'];
const base = `/api/projects/${encodeURIComponent(project)}`;

let overview = null;
let meetingId = params().get('meeting');
let transcript = null;
let current = 0;

if (!project) {
  main.append(el('p', {}, 'Choose a project on the ', el('a', { href: 'index.html' }, 'projects page'), ' first.'));
} else {
  start().catch((e) => say(`Could not load the project: ${e.message}`, 'error'));
}

async function start() {
  overview = await api(base);
  knowNames(overview);
  const found = meetingId && overview.meetings.find((m) => m.meetingId === meetingId);
  if (!found) {
    chooseMeeting();
    return;
  }
  await load();
}

function chooseMeeting() {
  const meetings = [...overview.meetings].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  main.append(el('section', { id: 'choose' },
    el('h2', {}, 'Which meeting'),
    meetings.length
      ? el('ul', {}, meetings.map((m) => el('li', {},
        el('a', { href: `transcript.html?project=${encodeURIComponent(project)}&meeting=${encodeURIComponent(m.meetingId)}` },
          `${day(m.occurredAt)} · ${m.title}`))))
      : el('p', {}, 'No meeting is recorded yet: record one on the ', el('a', { href: `meeting.html?project=${encodeURIComponent(project)}` }, 'meeting page'), ' first.')));
}

async function load() {
  transcript = await api(`${base}/meetings/${encodeURIComponent(meetingId)}/transcript`);
  main.querySelector('#transcript')?.remove();
  const section = el('section', { id: 'transcript', 'aria-labelledby': 'transcript-heading' },
    el('h2', { id: 'transcript-heading' }, `${transcript.title}`, el('span', { class: 'muted' }, ` · ${day(transcript.heldAt)}`)));
  main.append(section);
  if (transcript.turns.length === 0) bringIn(section);
  else codeTurns(section);
}

// --- bringing a transcript in ---
function bringIn(section) {
  if (overview.closedAt) {
    section.append(el('p', { class: 'notice' }, `The project was closed on ${day(overview.closedAt)}: no transcript can be recorded in it.`));
    return;
  }
  const form = el('form', { id: 'transcript-file', class: 'stacked', novalidate: true },
    el('p', { class: 'hint' }, 'A WebVTT file (.vtt) saved by Teams or Zoom, or plain text with one turn a line, "Name: what they said". ',
      'Each turn becomes the speaker\'s words, sealed under their key and shown to the team; turns count once coded.'),
    el('label', { for: 'transcript-input' }, 'Transcript file'),
    el('input', { id: 'transcript-input', name: 'file', type: 'file', accept: '.vtt,.txt,text/vtt,text/plain', required: true }),
    el('div', {}, el('button', { type: 'submit' }, 'Read its speakers')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const file = form.elements.file.files[0];
    if (!file) {
      showErrors(form, { errors: [{ field: 'file', message: 'choose a transcript file' }] });
      return;
    }
    const text = await file.text();
    try {
      const read = await api(`${base}/meetings/${encodeURIComponent(meetingId)}/transcript/speakers`, { method: 'POST', body: { file: text } });
      mapSpeakers(section, text, read);
    } catch (error) {
      showErrors(form, error);
    }
  });
  section.append(form);
}

function mapSpeakers(section, text, read) {
  section.querySelector('#speakers')?.remove();
  const members = [...overview.members].sort((a, b) => a.name.localeCompare(b.name));
  const form = el('form', { id: 'speakers', class: 'stacked', novalidate: true },
    el('p', {}, `${read.turns} turn${read.turns === 1 ? '' : 's'} (${read.format === 'WEBVTT' ? 'WebVTT' : 'plain text'}). Who is each speaker?`),
    el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, ['Speaker in the file', 'Turns', 'First on line', 'Member'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, read.speakers.map((s, i) => el('tr', {},
        el('th', { scope: 'row' }, el('label', { for: `speaker-${i}` }, s.speaker)),
        el('td', { class: 'number' }, String(s.turns)),
        el('td', { class: 'number' }, String(s.firstLine)),
        el('td', {}, el('select', { id: `speaker-${i}`, name: `speaker-${i}`, 'data-speaker': s.speaker },
          el('option', { value: '' }, 'Choose a member'),
          members.map((m) => el('option', { value: m.memberId, selected: m.memberId === s.memberId }, m.name)))))))),
    el('div', {}, el('button', { type: 'submit' }, 'Record the transcript')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const speakers = {};
    const unmapped = [];
    for (const select of form.querySelectorAll('select')) {
      if (select.value) speakers[select.dataset.speaker] = select.value;
      else unmapped.push({ field: select.name, message: `choose the member who is “${select.dataset.speaker}”` });
    }
    if (unmapped.length) {
      showErrors(form, { errors: unmapped });
      return;
    }
    try {
      const done = await api(`${base}/meetings/${encodeURIComponent(meetingId)}/transcript`, { method: 'POST', body: { file: text, speakers } });
      say(`Recorded ${done.turns} turn${done.turns === 1 ? '' : 's'}. Code them now, one after another.`);
      await load();
    } catch (error) {
      showErrors(form, error);
    }
  });
  section.append(form);
  form.querySelector('select')?.focus();
}

// --- coding the turns ---
function codeTurns(section) {
  const firstUncoded = transcript.turns.findIndex((t) => !t.coding);
  current = firstUncoded === -1 ? 0 : firstUncoded;
  const closed = Boolean(overview.closedAt);
  section.append(
    el('p', { class: 'hint', id: 'coding-hint' }, closed
      ? `The project was closed on ${day(overview.closedAt)}: its turns are shown, not coded.`
      : 'Keys a-l code the highlighted turn with a category and move to the next; the arrow keys move between turns. A coded turn is coded again after its coding is undone.'),
    closed ? '' : el('div', { id: 'categories', role: 'group', 'aria-label': 'IPA categories' },
      IPA.map((c, i) => el('button', { type: 'button', class: 'category secondary', 'data-category': c, title: IPA_MEANINGS[c], 'aria-keyshortcuts': CATEGORY_KEYS[i], onclick: () => code(c) },
        el('kbd', {}, CATEGORY_KEYS[i]), ` ${label(c)}`))),
    el('ol', { id: 'turns' }, transcript.turns.map((t, i) => el('li', { 'data-turn': t.turnId, class: i === current ? 'current' : '', onclick: () => move(i) },
      el('span', { class: 'muted' }, `${String(t.occurredAt).slice(11, 19)} `),
      el('span', { class: 'who' }, `${t.name}: `),
      t.textWithdrawn ? el('em', {}, 'words withdrawn') : t.text,
      t.coding ? el('span', { class: 'coded' }, ` · ${label(t.coding.category)} `,
        closed ? '' : el('button', { type: 'button', class: 'link', onclick: (e) => { e.stopPropagation(); undo(t); } }, 'undo'))
        : el('span', { class: 'uncoded' }, ' · not coded')))));
  if (!closed) document.addEventListener('keydown', onKey);
}

function move(i) {
  current = Math.max(0, Math.min(transcript.turns.length - 1, i));
  for (const li of document.querySelectorAll('#turns li')) li.classList.toggle('current', li.dataset.turn === transcript.turns[current].turnId);
  document.querySelector('#turns li.current')?.scrollIntoView({ block: 'nearest' });
}

function onKey(e) {
  if (e.target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
  const k = CATEGORY_KEYS.indexOf(e.key);
  if (k !== -1) {
    e.preventDefault();
    code(IPA[k]);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    move(current + (e.key === 'ArrowDown' ? 1 : -1));
  }
}

async function code(category) {
  const turn = transcript.turns[current];
  if (!turn || turn.coding) {
    say(turn ? 'This turn is coded already: undo its coding to code it again.' : 'No turn to code.', 'error');
    return;
  }
  try {
    await api(`${base}/turns/${encodeURIComponent(turn.turnId)}/coding`, { method: 'POST', body: { category } });
    const next = transcript.turns.findIndex((t, i) => i > current && !t.coding);
    document.removeEventListener('keydown', onKey);
    const keep = next === -1 ? current : next;
    await load();
    move(keep);
  } catch (error) {
    say(`Could not code the turn: ${error.message}`, 'error');
  }
}

async function undo(turn) {
  try {
    await api(`${base}/contributions/${encodeURIComponent(turn.coding.contributionId)}/retraction`, { method: 'POST', body: { reason: 'Undone on the transcript page' } });
    document.removeEventListener('keydown', onKey);
    const at = transcript.turns.indexOf(turn);
    await load();
    move(at);
  } catch (error) {
    say(`Could not undo the coding: ${error.message}`, 'error');
  }
}
