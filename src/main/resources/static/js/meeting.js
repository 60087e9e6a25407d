// Record a meeting live: the observer's screen. Each turn is two clicks (who, then which IPA
// category). A turn is kept in localStorage the moment it is clicked, with the id and time it will
// be recorded under, and sent by an outbox that retries until the server answers: a reload or a
// dropped connection loses nothing, and a retry is the same request, which the server records once.
import { api, el, shell, say, showErrors, clearErrors, formValues, day, label, IPA, IPA_MEANINGS, params, projectId, ApiError, knowNames, table } from './common.js';

const project = projectId();
const main = shell({ page: 'meeting.html', title: 'Record a meeting live' });

// Keys: categories a-l (the twelve in Bales' order); attendees, in the order shown (by name),
// 1-9, 0, then m-z: 24 keys that never clash with a category's. A 25th attendee is clicked.
const WHO_KEYS = [...'1234567890mnopqrstuvwxyz'];
const CATEGORY_KEYS = [...'abcdefghijkl'];
const NOTE_LIMIT = 500;
const AREAS = ['Positive reactions', 'Attempted answers', 'Questions', 'Negative reactions'];
const UNDO_REASON = 'Undone on the live-coding screen';

let overview = null;
let meeting = null; // {meetingId, title, kind, occurredAt, attendees}
let log = null; // {turns: [...]} as stored
let speaker = null;
const clickedAt = new Map(); // contributionId -> performance.now() of its click, this page's life only
// A turn's note leaves this browser's storage once the server has it: shown for this page's life only.
const notes = new Map(); // contributionId -> note
let sending = false;
let wake = null;
let retryNote = null; // said while the outbox waits to retry
/** Click-to-recorded latencies in ms for this page's life, read by the browser test. */
window.meetingLatencies = [];
/** The request's own round trip for the same turns (the part of the latency the server and network take). */
window.meetingRoundTrips = [];

/** A fresh identifier within the id rules (1-64 of A-Za-z0-9._:-). */
function newId(prefix) {
  if (crypto.randomUUID) return `${prefix}-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// --- the stored log of turns (one per project and meeting) ---
const storageKey = () => `coproduction-timeline:meeting:${project}:${meeting.meetingId}`;
function loadLog() {
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(storageKey())) || { turns: [] };
  } catch {
    stored = { turns: [] };
  }
  // A turn whose note was being typed when the page went: recorded without the note.
  for (const t of stored.turns) if (t.state === 'noting') t.state = 'queued';
  return stored;
}
function saveLog() {
  localStorage.setItem(storageKey(), JSON.stringify(log));
}

if (!project) {
  main.append(el('p', {}, 'Choose a project on the ', el('a', { href: 'index.html' }, 'projects page'), ' first.'));
} else {
  start().catch((e) => say(`Could not load the project: ${e.message}`, 'error'));
}

async function start() {
  overview = await api(`/api/projects/${encodeURIComponent(project)}`);
  knowNames(overview);
  if (overview.closedAt) {
    // A closed project records nothing more: say so rather than offer forms that would be refused.
    main.append(el('p', { id: 'project-closed', class: 'notice' },
      `“${overview.title}” was closed on ${day(overview.closedAt)}: nothing more can be recorded in it. Its meetings are on the `,
      el('a', { href: `timeline.html?project=${encodeURIComponent(project)}` }, 'timeline'), '.'));
    return;
  }
  const chosen = params().get('meeting');
  const found = chosen && overview.meetings.find((m) => m.meetingId === chosen);
  if (found) openMeeting(found);
  else chooseMeeting();
}

function memberName(memberId) {
  return overview.members.find((m) => m.memberId === memberId)?.name || memberId;
}

// --- step 1: choose or record the meeting ---
function chooseMeeting() {
  const meetings = [...overview.meetings].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const pick = el('form', { class: 'stacked', id: 'choose-meeting' },
    el('label', { for: 'existing-meeting' }, 'A meeting already recorded'),
    el('select', { id: 'existing-meeting', name: 'meetingId' },
      meetings.map((m) => el('option', { value: m.meetingId }, `${day(m.occurredAt)} · ${m.title} (${m.attendees.length} attending)`))),
    el('div', {}, el('button', { type: 'submit', disabled: meetings.length === 0 }, 'Code this meeting')));
  pick.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = overview.meetings.find((x) => x.meetingId === pick.elements.meetingId.value);
    if (m) openMeeting(m);
  });

  const active = overview.members.filter((m) => m.active);
  // Shown to the second; left as it is, the meeting is dated at the first press (below).
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  const create = el('form', { class: 'stacked', id: 'new-meeting', novalidate: true },
    el('label', { for: 'meeting-title' }, 'Title'), el('input', { id: 'meeting-title', name: 'title', required: true }),
    el('label', { for: 'meeting-kind' }, 'Kind'),
    el('select', { id: 'meeting-kind', name: 'kind' },
      ['TEAM', 'STEERING', 'ADVISORY', 'ANALYSIS_WORKSHOP', 'OTHER'].map((k) => el('option', { value: k }, label(k)))),
    el('label', { for: 'meeting-occurredAt' }, 'Held at (your local time)'),
    el('input', { id: 'meeting-occurredAt', name: 'occurredAt', type: 'datetime-local', step: 1, value: now }),
    el('fieldset', { name: 'attendees', class: 'checks' },
      el('legend', {}, 'Attendees'),
      active.length ? active.map((m, i) => el('label', {},
        el('input', { type: 'checkbox', name: 'attendees', value: m.memberId, id: `attendee-${i}`, checked: true }),
        ` ${m.name} `, el('span', { class: 'muted' }, `(${label(m.primaryPerspective)})`)))
        : el('p', {}, 'Nobody is on the team yet: add members on the ', el('a', { href: `record.html?project=${encodeURIComponent(project)}` }, 'record page'), '.')),
    el('div', {}, el('button', { type: 'submit' }, 'Record the meeting and start coding')));
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(create);
    const values = formValues(create);
    // The id is chosen once per form, so pressing again after a lost answer repeats the same request.
    create.dataset.meetingId ||= newId('meeting');
    // Left at its default, "now" is the moment of the first press, to the millisecond (the field
    // shows whole seconds, and a member who joined earlier in that second would be dated after the
    // meeting); kept, like the id, so that pressing again repeats the same request.
    // (Compared as times: the browser may write the default back without its ":00" seconds.)
    create.dataset.occurredAt = values.occurredAt && new Date(values.occurredAt).getTime() === new Date(now).getTime()
      ? (create.dataset.occurredAt || new Date().toISOString())
      : values.occurredAt ? new Date(values.occurredAt).toISOString() : '';
    const body = {
      meetingId: create.dataset.meetingId,
      title: values.title,
      kind: values.kind,
      occurredAt: values.occurredAt ? create.dataset.occurredAt : undefined,
      attendees: [].concat(values.attendees || []),
    };
    try {
      await api(`/api/projects/${encodeURIComponent(project)}/meetings`, { method: 'POST', body });
      overview = await api(`/api/projects/${encodeURIComponent(project)}`);
      const held = overview.meetings.find((m) => m.meetingId === body.meetingId)
        ?? { ...body, occurredAt: body.occurredAt ?? new Date().toISOString() };
      openMeeting(held);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(create, error);
      say('The meeting was not recorded: see the form.', 'error');
    }
  });

  main.querySelector('#meeting-setup')?.remove();
  main.append(el('div', { id: 'meeting-setup', class: 'setup' },
    el('section', { 'aria-labelledby': 'new-heading' }, el('h2', { id: 'new-heading' }, 'Record a new meeting'), create),
    el('section', { 'aria-labelledby': 'pick-heading' }, el('h2', { id: 'pick-heading' }, 'Or code one already recorded'), pick)));
}

// --- step 2: code the turns ---
function openMeeting(m) {
  meeting = m;
  const next = new URLSearchParams(location.search);
  next.set('meeting', m.meetingId);
  history.replaceState(null, '', `${location.pathname}?${next}`);
  log = loadLog();
  main.querySelector('#meeting-setup')?.remove();

  const attendees = m.attendees
    .map((id) => ({ memberId: id, name: memberName(id) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a, i) => ({ ...a, key: WHO_KEYS[i] }));
  const decisions = overview.decisions.filter((d) => d.status === 'PROPOSED').concat(overview.decisions.filter((d) => d.status !== 'PROPOSED'));

  const who = el('div', { class: 'who', role: 'group', 'aria-labelledby': 'who-heading' },
    el('h2', { id: 'who-heading' }, '1. Who speaks'),
    el('div', { class: 'buttons' }, attendees.map((a) => el('button', {
      type: 'button', class: 'speaker secondary', 'data-member': a.memberId, 'aria-pressed': 'false',
      'aria-keyshortcuts': a.key, onclick: () => chooseSpeaker(a.memberId),
    }, a.key ? el('kbd', {}, a.key) : null, ` ${a.name}`))));
  const what = el('div', { class: 'what', role: 'group', 'aria-labelledby': 'what-heading' },
    el('h2', { id: 'what-heading' }, '2. What kind of turn'),
    el('p', { id: 'what-hint', class: 'hint' }, 'Choose who speaks first.'),
    el('div', { class: 'areas' }, AREAS.map((area, a) => el('div', { class: `area area-${a + 1}` },
      el('h3', {}, area),
      IPA.slice(a * 3, a * 3 + 3).map((c, i) => el('button', {
        type: 'button', class: 'category', 'data-category': c, disabled: true, title: IPA_MEANINGS[c],
        'aria-keyshortcuts': `${CATEGORY_KEYS[a * 3 + i]} Shift+${CATEGORY_KEYS[a * 3 + i].toUpperCase()}`,
        onclick: (e) => code(c, e.shiftKey),
      }, el('kbd', {}, CATEGORY_KEYS[a * 3 + i]), ` ${label(c)}`))))));
  const decision = el('div', { class: 'decision' },
    el('label', { for: 'decision-under-discussion' }, 'Decision under discussion (added to each turn)'),
    el('select', { id: 'decision-under-discussion' },
      el('option', { value: '' }, 'None'),
      decisions.map((d) => el('option', { value: d.decisionId }, `${d.title} (${label(d.status)})`))));
  const undo = el('button', { type: 'button', id: 'undo', class: 'secondary', 'aria-keyshortcuts': 'Control+Z', onclick: undoLast }, 'Undo the last turn');
  const askNote = el('label', { class: 'ask-note' },
    el('input', { type: 'checkbox', id: 'ask-note' }), ' Add a note after each turn');
  const note = el('form', { id: 'turn-note', class: 'turn-note', hidden: true, novalidate: true },
    el('label', { for: 'turn-note-text', id: 'turn-note-label' }, 'Note'),
    el('input', { id: 'turn-note-text', name: 'note', maxlength: NOTE_LIMIT, autocomplete: 'off', 'aria-describedby': 'turn-note-help' }),
    el('button', { type: 'submit' }, 'Record the turn'),
    el('p', { id: 'turn-note-help', class: 'hint' },
      'Optional, a few words on what was said. Enter records the turn with the note, Escape without it. ',
      'The note is the speaker\'s personal text: sealed under their key, shown to the team on the timeline.'));
  note.addEventListener('submit', (e) => {
    e.preventDefault();
    finishNote(note.elements.note.value);
  });
  note.elements.note.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finishNote('');
    }
  });

  main.append(el('section', { id: 'coding', 'aria-labelledby': 'meeting-heading' },
    el('h2', { id: 'meeting-heading' }, `${m.title}`, el('span', { class: 'muted' }, ` · ${label(m.kind)} · ${day(m.occurredAt)}`)),
    el('p', { class: 'hint' }, 'Keys: the attendee\'s key, then the category\'s key (with Shift to add a note to that turn); Escape starts the turn over; Ctrl+Z undoes the last turn, and any turn has its own undo. ',
      el('a', { href: `meeting.html?project=${encodeURIComponent(project)}` }, 'Another meeting'), ' · ',
      el('a', { id: 'transcript-link', href: `transcript.html?project=${encodeURIComponent(project)}&meeting=${encodeURIComponent(m.meetingId)}` }, 'Its transcript: bring it in, code its turns')),
    el('div', { class: 'coding' }, who, what),
    note,
    el('div', { class: 'tools' }, decision, askNote, undo, el('p', { id: 'outbox', class: 'outbox', 'aria-live': 'polite' })),
    el('h2', { id: 'turns-heading' }, 'Turns'),
    el('p', { id: 'turn-count' }),
    el('ol', { id: 'turns', reversed: true, 'aria-labelledby': 'turns-heading' }),
    el('details', { id: 'ipa-explained', class: 'explain' },
      el('summary', {}, 'What do the kinds of turn mean?'),
      el('p', {}, 'Bales\' Interaction Process Analysis codes each turn by what it does in the conversation, in four areas: positive reactions, attempted answers, questions and negative reactions. A turn gets the one kind that fits it best.'),
      el('dl', { class: 'facts' }, IPA.flatMap((c) => [el('dt', {}, label(c)), el('dd', {}, IPA_MEANINGS[c])])),
      el('p', { class: 'muted' }, 'How they are counted is in docs/metrics.md of the project\'s repository.')),
    el('details', { id: 'meeting-summary' },
      el('summary', {}, 'Summary of the meeting so far'),
      el('div', { id: 'meeting-summary-body' }))));
  attendees.forEach((a) => { a.button = who.querySelector(`[data-member="${CSS.escape(a.memberId)}"]`); });
  meeting.keys = attendees;
  renderTurns();
  document.addEventListener('keydown', onKey);
  pump();
}

function chooseSpeaker(memberId) {
  // Moving on to the next speaker while a note is open records the turn with what was typed.
  if (memberId && log.turns.some((t) => t.state === 'noting')) finishNote(document.getElementById('turn-note-text').value);
  speaker = memberId;
  for (const b of document.querySelectorAll('button.speaker')) b.setAttribute('aria-pressed', String(b.dataset.member === memberId));
  for (const b of document.querySelectorAll('button.category')) b.disabled = !memberId;
  document.getElementById('what-hint').textContent = memberId ? `${memberName(memberId)} speaks: what kind of turn?` : 'Choose who speaks first.';
}

/** Occurred at: now for a meeting happening now; a meeting coded afterwards dates each turn at the meeting. */
function turnTime() {
  const held = Date.parse(meeting.occurredAt);
  return Date.now() - held > 12 * 3600 * 1000 ? meeting.occurredAt : new Date().toISOString();
}

/**
 * Codes a turn for the chosen speaker. Without a note it is sent at once; with one (Shift, or "Add a
 * note after each turn") it waits, kept in this browser, until the note is given or skipped.
 */
function code(category, withNote = false) {
  if (!speaker) return;
  const clicked = performance.now();
  const noting = withNote || document.getElementById('ask-note').checked;
  const turn = {
    contributionId: newId('c'),
    memberId: speaker,
    category,
    decisionId: document.getElementById('decision-under-discussion').value || undefined,
    occurredAt: turnTime(),
    state: noting ? 'noting' : 'queued',
    attempts: 0,
  };
  log.turns.push(turn);
  saveLog();
  chooseSpeaker(null);
  if (noting) {
    renderTurns();
    openNote(turn);
    return;
  }
  clickedAt.set(turn.contributionId, clicked);
  pump(); // the request leaves before the page redraws
  renderTurns();
  document.querySelector(`button.speaker[data-member="${CSS.escape(turn.memberId)}"]`)?.focus();
}

function openNote(turn) {
  const form = document.getElementById('turn-note');
  document.getElementById('turn-note-label').textContent = `Note on ${memberName(turn.memberId)}'s turn (${label(turn.category)})`;
  form.elements.note.value = '';
  form.hidden = false;
  form.elements.note.focus();
}

/** The note typed (or none): the waiting turn is recorded with it. */
function finishNote(text) {
  const turn = log.turns.find((t) => t.state === 'noting');
  const form = document.getElementById('turn-note');
  form.hidden = true;
  form.elements.note.value = '';
  if (!turn) return;
  const note = text.trim().slice(0, NOTE_LIMIT);
  if (note) turn.summary = note;
  turn.state = 'queued';
  saveLog();
  if (note) notes.set(turn.contributionId, note);
  clickedAt.set(turn.contributionId, performance.now());
  pump();
  renderTurns();
  document.querySelector(`button.speaker[data-member="${CSS.escape(turn.memberId)}"]`)?.focus();
}

function undoLast() {
  const last = [...log.turns].reverse().find((t) => t.state !== 'failed' && !t.retraction);
  if (!last) {
    say('Nothing to undo.');
    return;
  }
  undo(last);
}

/** Undoes one turn, the last or any earlier one: dropped if never sent, else retracted (a new event). */
function undo(last) {
  if (last.attempts === 0) {
    // Never sent: it can simply be dropped (with a note being typed for it, if any).
    if (last.state === 'noting') document.getElementById('turn-note').hidden = true;
    log.turns.splice(log.turns.indexOf(last), 1);
  } else {
    last.retraction = { occurredAt: new Date(Math.max(Date.now(), Date.parse(last.occurredAt))).toISOString(), reason: UNDO_REASON, state: 'queued', attempts: 0 };
  }
  saveLog();
  renderTurns();
  say(`Undone: ${memberName(last.memberId)}, ${label(last.category)}.`);
  pump();
}

function onKey(e) {
  if (e.target.closest('input, select, textarea')) return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    undoLast();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'Escape') {
    chooseSpeaker(null);
    return;
  }
  const key = e.key.toLowerCase();
  if (speaker) {
    const i = CATEGORY_KEYS.indexOf(key);
    if (i >= 0) {
      e.preventDefault();
      code(IPA[i], e.shiftKey);
    }
  } else {
    const a = meeting.keys.find((x) => x.key === key);
    if (a) {
      e.preventDefault();
      chooseSpeaker(a.memberId);
    }
  }
}

// --- the outbox: one request at a time, in click order, retried with backoff ---

async function pump() {
  if (sending) return;
  sending = true;
  try {
    let delay = 250;
    for (;;) {
      const job = nextJob();
      if (!job) break;
      const outcome = await send(job);
      if (outcome === 'retry') {
        retryNote = `Connection lost: retrying in ${Math.max(1, Math.round(delay / 1000))} s. Nothing clicked is lost.`;
        showOutbox();
        await new Promise((resolve) => { wake = resolve; setTimeout(resolve, delay); });
        delay = Math.min(delay * 2, 10000);
      } else {
        delay = 250;
        retryNote = null;
      }
    }
  } finally {
    sending = false;
    retryNote = null;
    showOutbox();
  }
}

function nextJob() {
  for (const turn of log.turns) {
    if (turn.state === 'queued') return { turn, kind: 'record' };
    if (turn.state === 'recorded' && turn.retraction?.state === 'queued') return { turn, kind: 'retract' };
  }
  return null;
}

async function send({ turn, kind }) {
  const base = `/api/projects/${encodeURIComponent(project)}`;
  const target = kind === 'record' ? turn : turn.retraction;
  target.attempts = (target.attempts || 0) + 1;
  saveLog();
  try {
    if (kind === 'record') {
      const sent = performance.now();
      await api(`${base}/meetings/${encodeURIComponent(meeting.meetingId)}/contributions`, {
        method: 'POST',
        body: { contributionId: turn.contributionId, occurredAt: turn.occurredAt, memberId: turn.memberId, category: turn.category, decisionId: turn.decisionId, summary: turn.summary },
      });
      const answered = performance.now();
      turn.state = 'recorded';
      // The server has the note, sealed: it leaves this browser's storage.
      if (turn.summary) {
        notes.set(turn.contributionId, turn.summary);
        delete turn.summary;
        turn.noted = true;
      }
      const clicked = clickedAt.get(turn.contributionId);
      saveLog();
      renderTurns();
      if (clicked !== undefined) {
        clickedAt.delete(turn.contributionId);
        // Measured once the browser has painted the turn as recorded.
        requestAnimationFrame(() => {
          window.meetingLatencies.push(performance.now() - clicked);
          window.meetingRoundTrips.push(answered - sent);
        });
      }
    } else {
      await api(`${base}/contributions/${encodeURIComponent(turn.contributionId)}/retraction`, {
        method: 'POST', body: { occurredAt: turn.retraction.occurredAt, reason: turn.retraction.reason },
      });
      turn.retraction.state = 'recorded';
      saveLog();
      renderTurns();
    }
    return 'done';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // 401: the session ended; the page goes to the login page and back, and the turn waits in this browser.
    const transient = error.status === 0 || error.status === 401 || error.status >= 500 || (error.status === 409 && /concurrent/i.test(error.problem?.title || ''));
    if (transient) return 'retry';
    // Refused by the rules: said beside the turn, and the next one goes ahead.
    target.state = 'failed';
    target.error = error.message;
    saveLog();
    renderTurns();
    say(`A turn was refused: ${error.message}`, 'error');
    return 'done';
  }
}

function showOutbox() {
  const box = document.getElementById('outbox');
  if (!box) return;
  const waitingCount = log.turns.filter((t) => t.state === 'queued' || t.retraction?.state === 'queued').length;
  box.textContent = !waitingCount ? 'Every turn is recorded.' : `${waitingCount} waiting to be recorded. ${retryNote ?? ''}`.trim();
  box.dataset.waiting = String(waitingCount);
}

function renderTurns() {
  const list = document.getElementById('turns');
  if (!list) return;
  const counted = log.turns.filter((t) => t.state !== 'failed' && (!t.retraction || t.retraction.state === 'failed'));
  const recorded = counted.filter((t) => t.state === 'recorded').length;
  const count = document.getElementById('turn-count');
  count.textContent = `${counted.length} turn${counted.length === 1 ? '' : 's'} coded, ${recorded} recorded by the server.`;
  count.dataset.coded = String(counted.length);
  count.dataset.recorded = String(recorded);
  list.replaceChildren(...[...log.turns].reverse().map((t) => {
    const state = t.retraction ? (t.retraction.state === 'recorded' ? 'retracted' : t.retraction.state === 'failed' ? 'failed' : 'retracting') : t.state;
    const text = { noting: 'note…', queued: 'waiting', recorded: 'recorded', retracting: 'undoing', retracted: 'undone', failed: `refused: ${t.retraction?.error || t.error}` }[state];
    const note = notes.get(t.contributionId) ?? t.summary;
    const decision = t.decisionId && overview.decisions.find((d) => d.decisionId === t.decisionId);
    return el('li', { class: `turn ${state}`, 'data-contribution-id': t.contributionId, 'data-state': state },
      el('span', { class: 'turn-who' }, memberName(t.memberId)), ' ',
      el('span', { class: 'turn-what' }, label(t.category)),
      decision ? el('span', { class: 'turn-decision muted' }, ` on “${decision.title}”`) : null,
      el('span', { class: 'turn-state' }, text),
      state === 'queued' || state === 'recorded' || state === 'noting'
        ? el('button', { type: 'button', class: 'link undo-turn', 'aria-label': `Undo ${memberName(t.memberId)}: ${label(t.category)}`, onclick: () => undo(t) }, 'undo')
        : null,
      note ? el('span', { class: 'turn-note-text' }, note) : t.noted ? el('span', { class: 'turn-note-text muted' }, 'with a note') : null);
  }));
  showOutbox();
  renderSummary(counted);
}

/**
 * The meeting so far, as coded on this screen: turns per person (the silent ones too) and per
 * primary perspective, who has not spoken, the IPA profile by area, and the decisions discussed.
 */
function renderSummary(counted) {
  const box = document.getElementById('meeting-summary-body');
  if (!box) return;
  const member = (id) => overview.members.find((m) => m.memberId === id);
  const byPerson = new Map(meeting.attendees.map((id) => [id, 0]));
  const byPerspective = new Map();
  const byArea = new Map(AREAS.map((a) => [a, 0]));
  const decisions = new Map();
  for (const t of counted) {
    byPerson.set(t.memberId, (byPerson.get(t.memberId) || 0) + 1);
    const perspective = label(member(t.memberId)?.primaryPerspective || 'UNKNOWN');
    byPerspective.set(perspective, (byPerspective.get(perspective) || 0) + 1);
    const area = AREAS[Math.floor(IPA.indexOf(t.category) / 3)];
    if (area) byArea.set(area, byArea.get(area) + 1);
    if (t.decisionId) decisions.set(t.decisionId, (decisions.get(t.decisionId) || 0) + 1);
  }
  const share = (n) => (counted.length ? `${Math.round((100 * n) / counted.length)}%` : '–');
  const silent = [...byPerson].filter(([, n]) => n === 0).map(([id]) => memberName(id));
  box.replaceChildren(
    el('p', { id: 'summary-silent' }, silent.length ? `Not spoken yet: ${silent.join(', ')}.` : 'Everyone present has spoken.'),
    table({ id: 'summary-people', caption: 'Turns by person', headers: ['Person', 'Turns', 'Share'],
      rows: [...byPerson].map(([id, n]) => [memberName(id), String(n), share(n)]) }),
    table({ id: 'summary-perspectives', caption: 'Turns by primary perspective', headers: ['Perspective', 'Turns', 'Share'],
      rows: [...byPerspective].map(([p, n]) => [p, String(n), share(n)]) }),
    table({ id: 'summary-ipa', caption: 'Kinds of turn (Bales IPA areas)', headers: ['Area', 'Turns', 'Share'],
      rows: [...byArea].map(([a, n]) => [a, String(n), share(n)]) }),
    decisions.size
      ? table({ id: 'summary-decisions', caption: 'Decisions discussed', headers: ['Decision', 'Turns'],
        rows: [...decisions].map(([id, n]) => [overview.decisions.find((d) => d.decisionId === id)?.title || id, String(n)]) })
      : el('p', {}, 'No decision was under discussion.'));
}

// A waiting retry starts again at once when the connection comes back.
window.addEventListener('online', () => wake?.());
