// Code texts: a reflection's text or an interview's summary the signed-in account may read, its
// coded passages marked in it and listed beside it; a member selects words (with the mouse, or by
// typing the first and last character), ticks codes from the codebook and saves the passage, or
// recodes or clears one. The API counts a text's characters in Unicode code points; JavaScript's
// string indices count UTF-16 units (an emoji is two), so every offset is converted both ways here.
import {
  el, shell, say, projectId, params, timeQuery, onTimeChange, api, me, may, memberIn, onSubmit, localDay, day, knowNames,
} from './common.js';

const project = projectId();
const main = shell({ page: 'texts.html', title: 'Code texts', timeControls: true });
const base = `/api/projects/${encodeURIComponent(project)}`;

/** The code-point offset of a UTF-16 index of the text. */
export function codePointAt(text, utf16) {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The high half of a pair is counted; its low half is not.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) points++;
  }
  return points;
}

/** The UTF-16 index of a code-point offset of the text (its length when the offset is beyond it). */
export function utf16At(text, points) {
  let i = 0;
  for (let n = 0; n < points && i < text.length; n++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

/** The characters (code points) of the text from start up to end. */
function excerpt(text, start, end) {
  return text.slice(utf16At(text, start), utf16At(text, end));
}

const choice = el('select', { id: 'text-choice', name: 'text' });
const chooser = el('p', {}, el('label', { for: choice.id }, 'Text '), choice);
const area = el('div', { id: 'texts' });
main.append(
  el('p', { class: 'muted' }, 'The reflections and interview summaries you may read: the team\'s, and your own private ones. Select words in the text, tick the codes that fit and save: the passage is coded in your name, and shows marked. A passage coded again takes its new codes; one saved with no code is cleared. Each coding is kept as an event.'),
  chooser, area);

let account = null;
let names = new Map();
let coders = [];
let codebook = [];
let texts = [];

const keyOf = (t) => `${t.source}:${t.sourceId}`;
const titleOf = (t) => (t.source === 'INTERVIEW'
  ? `Interview of ${t.by}, ${day(t.occurredAt)}`
  : `${t.by}'s ${t.visibility === 'PRIVATE' ? 'private ' : ''}reflection of ${day(t.occurredAt)}`);
const codeName = (code) => codebook.find((c) => c.code === code)?.name || code;

/** The text with its passages marked: a mark for each stretch that one or more passages cover. */
function marked(text, passages) {
  const spans = passages.map((p) => ({ p, from: utf16At(text, p.start), to: utf16At(text, p.end) }));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const body = el('div', { id: 'text-body', tabindex: '0', 'aria-label': 'The text; coded passages are marked' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.from <= from && s.to >= to);
    const piece = text.slice(from, to);
    if (!covering.length) {
      body.append(piece);
    } else {
      body.append(el('mark', {
        class: covering.length > 1 ? 'overlap' : null,
        'data-passages': covering.map((s) => `${s.p.start}-${s.p.end}`).join(' '),
        title: covering.map((s) => s.p.codes.map(codeName).join(', ')).join('; '),
      }, piece));
    }
  }
  return body;
}

/** The selection inside the text, as code-point offsets {start, end}, or null. */
function selectedRange(body, text) {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(body);
  before.setEnd(range.startContainer, range.startOffset);
  const from = before.toString().length;
  const to = from + range.toString().length;
  return { start: codePointAt(text, from), end: codePointAt(text, to) };
}

function show(key) {
  const t = texts.find((x) => keyOf(x) === key) || texts[0];
  if (!t) {
    area.replaceChildren(el('p', { id: 'no-texts' }, 'No text you may read by then.'));
    return;
  }
  choice.value = keyOf(t);
  const next = new URLSearchParams(location.search);
  next.set('text', keyOf(t));
  history.replaceState(null, '', `${location.pathname}?${next}`);
  const body = marked(t.text, t.passages);
  const mayCode = may(account, project, 'MEMBER');
  const form = mayCode ? codingForm(t, body) : null;
  const list = el('ol', { id: 'passages' }, t.passages.map((p) => el('li', { 'data-start': p.start, 'data-end': p.end },
    el('span', { class: 'excerpt' }, `“${excerpt(t.text, p.start, p.end)}”`), ' — ',
    el('span', { class: 'codes' }, p.codes.map(codeName).join(', ')),
    ` (characters ${p.start + 1} to ${p.end}; ${names.get(p.codedBy) || p.codedBy}, ${day(p.occurredAt)}) `,
    form ? el('button', { type: 'button', class: 'link recode', onclick: () => form.recode(p) }, 'Recode') : null,
    form ? ' ' : null,
    form ? el('button', { type: 'button', class: 'link clear', onclick: () => form.clear(p) }, 'Clear') : null)));
  area.replaceChildren(...[
    el('h2', { id: 'text-heading' }, titleOf(t)),
    t.codes.length ? el('p', { id: 'whole-codes' }, `The whole text: ${t.codes.map(codeName).join(', ')}`) : null,
    el('div', { class: 'coding' },
      el('section', { 'aria-labelledby': 'text-heading' }, body),
      el('section', { 'aria-labelledby': 'passages-heading' },
        el('h3', { id: 'passages-heading' }, `Coded passages (${t.passages.length})`),
        t.passages.length ? list : el('p', { class: 'muted' }, 'None yet.'),
        form)),
  ].filter(Boolean));
}

/** The form that codes the selected passage; it also recodes and clears a listed one. */
function codingForm(t, body) {
  const length = [...t.text].length;
  const first = el('input', { type: 'number', id: 'passage-first', name: 'start', min: 1, max: length, inputmode: 'numeric' });
  const last = el('input', { type: 'number', id: 'passage-last', name: 'end', min: 1, max: length, inputmode: 'numeric' });
  const preview = el('p', { id: 'passage-selected', class: 'selected', 'aria-live': 'polite' }, 'Select words in the text, or give their first and last character.');
  const open = codebook.filter((c) => c.status === 'DEFINED' || c.status === 'FROM_USE');
  const checks = el('fieldset', { class: 'checks', id: 'passage-codes' }, el('legend', {}, 'Codes from the codebook'),
    open.map((c, i) => el('label', { for: `passage-code-${i}` },
      el('input', { type: 'checkbox', name: 'codes', value: c.code, id: `passage-code-${i}` }), ` ${c.name}`)));
  const others = el('input', { id: 'passage-other', name: 'other', autocomplete: 'off' });
  const date = el('input', { type: 'date', id: 'passage-date', name: 'occurredAt', value: new Date().toISOString().slice(0, 10) });
  let byWhom = null;
  if (!memberIn(account, project) && may(account, project, 'RECORDER')) {
    byWhom = el('select', { id: 'passage-coded-by', name: 'codedBy' },
      coders.map((m) => el('option', { value: m.memberId }, m.name)));
  }
  const range = () => ({ start: Number(first.value) - 1, end: Number(last.value) });
  const update = () => {
    const { start, end } = range();
    preview.textContent = first.value && last.value && end > start
      ? `Characters ${start + 1} to ${end}: “${excerpt(t.text, start, end)}”`
      : 'Select words in the text, or give their first and last character.';
  };
  const select = ({ start, end }) => {
    first.value = String(start + 1);
    last.value = String(end);
    update();
  };
  const fromSelection = () => {
    const r = selectedRange(body, t.text);
    if (r) select(r);
  };
  body.addEventListener('mouseup', fromSelection);
  body.addEventListener('keyup', fromSelection);
  first.addEventListener('input', update);
  last.addEventListener('input', update);
  const given = () => [...new Set([
    ...[...checks.querySelectorAll('input:checked')].map((c) => c.value),
    ...others.value.split(',').map((c) => c.trim()).filter(Boolean)])];
  const path = `${base}/${t.source === 'INTERVIEW' ? 'interviews' : 'reflections'}/${encodeURIComponent(t.sourceId)}/passages`;
  const send = (codes) => {
    const { start, end } = range();
    return api(path, {
      method: 'POST',
      body: {
        start: first.value ? start : undefined,
        end: last.value ? end : undefined,
        codes,
        codedBy: byWhom ? byWhom.value : undefined,
        occurredAt: date.value ? localDay(date.value) : undefined,
      },
    });
  };
  const form = el('form', { id: 'passage-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Code a passage'),
    preview,
    el('div', { class: 'range' },
      el('label', { for: first.id }, 'First character', first),
      el('label', { for: last.id }, 'Last character', last)),
    checks,
    el('label', { for: others.id }, 'Other codes (separated by commas)'), others,
    byWhom ? [el('label', { for: byWhom.id }, 'In the name of'), byWhom] : el('p', { class: 'hint' }, 'Recorded in your name.'),
    el('label', { for: date.id }, 'Coded on'), date,
    el('div', {}, el('button', { type: 'submit', id: 'passage-save' }, 'Save the passage')));
  onSubmit(form, () => send(given()), () => reload(t, given().length ? 'The passage is coded.' : 'The passage is cleared.'));
  form.recode = (p) => {
    select(p);
    checks.querySelectorAll('input').forEach((c) => { c.checked = p.codes.includes(c.value); });
    others.value = p.codes.filter((c) => !open.some((o) => o.code === c)).join(', ');
    first.focus();
  };
  form.clear = async (p) => {
    select(p);
    try {
      await send([]);
      await reload(t, 'The passage is cleared.');
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return form;
}

async function reload(current, message = '') {
  await load(current ? keyOf(current) : params().get('text'));
  say(message, message ? 'ok' : 'info');
}

async function load(key) {
  say('Loading the texts…');
  const [answer, book, overview] = await Promise.all([
    api(`${base}/texts`, { query: timeQuery() }),
    api(`${base}/codebook`).catch(() => ({ codes: [] })),
    api(base),
  ]);
  knowNames(overview);
  names = new Map(overview.members.map((m) => [m.memberId, m.name]));
  coders = overview.members.filter((m) => m.active && !m.withdrawn);
  codebook = book.codes;
  texts = answer.texts;
  choice.replaceChildren(...texts.map((t) => el('option', { value: keyOf(t) },
    `${titleOf(t)}${t.passages.length ? ` (${t.passages.length} coded)` : ''}`)));
  chooser.hidden = !texts.length;
  show(key);
  say('');
}

choice.addEventListener('change', () => show(choice.value));
onTimeChange(() => reload(null));
me().then((m) => { account = m; return load(params().get('text')); }).catch((e) => say(e.message, 'error'));
