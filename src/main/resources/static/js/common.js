// Shared by every page: the API client, the page shell (navigation and the time controls) and small
// DOM helpers. Pages are plain ES modules, no build step; charts use ECharts from its webjar.

/** A refused or failed API call, carrying the RFC 9457 problem details the server answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(named(problem.detail || problem.title || `HTTP ${status}`));
    this.status = status;
    this.problem = problem;
    // Every error as {field, message, line?}: a 400 lists them, a 404/409 names one field.
    this.errors = (problem.errors
      ?? (problem.field ? [{ field: problem.field, message: problem.detail || problem.title }] : []))
      .map((e) => ({ ...e, message: named(e.message) }));
  }
}

let known = null;

/** The people, meetings and decisions of the project a page shows, so that refusals name them. */
export function knowNames(overview) {
  known = {
    member: new Map((overview.members || []).map((m) => [m.memberId, m.name])),
    meeting: new Map((overview.meetings || []).map((m) => [m.meetingId, m.title])),
    decision: new Map((overview.decisions || []).map((d) => [d.decisionId, d.title])),
  };
}

/**
 * A server's message in the words of the page: "member nia was not on the team at …" becomes "Nia
 * Newcomer was not on the team at …", "decision d-1 is not made yet" becomes "decision “Where to
 * recruit” is not made yet". Ids the page does not know stay as they are.
 */
export function named(message) {
  if (!known || typeof message !== 'string') return message;
  return message.replace(/\b(member|meeting|decision) ([A-Za-z0-9._:-]+)/g, (all, kind, id) => {
    const name = known[kind].get(id);
    if (!name) return all;
    return kind === 'member' ? name : `${kind} “${name}”`;
  });
}

/** The CSRF token the server keeps in the XSRF-TOKEN cookie; every request that changes something sends it back. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/**
 * The session has ended (401): reload the page, which the server sends to the login page and, once
 * signed in, back here. What a page keeps in this browser (the live meeting's queue) survives it.
 */
function signInAgain() {
  location.assign(location.href);
}

/** The path on this origin with the query's values that are set (not undefined, null or empty). */
function urlWith(path, query) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

/** Calls the API and answers its JSON (or text for a non-JSON answer); throws ApiError when refused. */
/** How many times a GET answered "catching up" (503 with Retry-After) is asked again before the page says so. */
const CATCH_UP_TRIES = 30;
const CATCHING_UP = 'The figures are catching up with recent changes; this page fills in as soon as they have.';

export async function api(path, { method = 'GET', body, query, headers = {}, signal } = {}) {
  const url = urlWith(path, query);
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal };
  if (method !== 'GET' && method !== 'HEAD') init.headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (!init.headers['Content-Type']) init.headers['Content-Type'] = 'application/json';
  }
  let response;
  for (let tries = 1; ; tries++) {
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, { title: 'No connection', detail: 'The server could not be reached: ' + e.message });
    }
    // A read model still taking in recent changes answers 503 with Retry-After: ask again, saying so.
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (response.status !== 503 || method !== 'GET' || !retryAfter || tries >= CATCH_UP_TRIES) break;
    say(CATCHING_UP, 'info');
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
  if (response.ok && document.getElementById('status')?.textContent === CATCHING_UP) say('');
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401 && !init.headers.Authorization) {
    signInAgain();
  }
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload : { title: response.statusText, detail: payload });
  }
  return payload;
}

let mePromise = null;

/** The signed-in account: {username, displayName, siteRoles, projects: [{projectId, role, memberId}]}. */
export function me() {
  if (!mePromise) mePromise = api('/api/me');
  return mePromise;
}

const RANK = { VIEWER: 0, MEMBER: 1, RECORDER: 2, COORDINATOR: 3 };

/** The signed-in account's role in a project (VIEWER ... COORDINATOR), or null. */
export function roleIn(account, project) {
  return account.projects.find((p) => p.projectId === project)?.role ?? null;
}

/** Whether the account holds `needed` (or a role including it) in the project. The server decides; this only hides what it would refuse. */
export function may(account, project, needed) {
  const role = roleIn(account, project);
  return role !== null && RANK[role] >= RANK[needed];
}

/** The member of the project the account is ("I"), or null. */
export function memberIn(account, project) {
  return account.projects.find((p) => p.projectId === project)?.memberId ?? null;
}

/** Signs out and goes to the login page. */
export async function signOut() {
  await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() } });
  location.assign('/login.html?signedOut');
}

/** The page's query string. */
export function params() {
  return new URLSearchParams(location.search);
}

/** The project this page is about (?project=), or null. */
export function projectId() {
  return params().get('project');
}

const DAY_END = 'T23:59:59.999999999Z';

/**
 * The (asOf, knownAt) the time controls stand at, as the API takes them. The controls hold dates and
 * mean the end of that day (UTC): "as of 15 March" includes what happened on 15 March. Absent means now.
 */
export function timeQuery() {
  const p = params();
  const out = {};
  if (p.get('asOf')) out.asOf = p.get('asOf') + DAY_END;
  if (p.get('knownAt')) out.knownAt = p.get('knownAt') + DAY_END;
  return out;
}

/**
 * A link that downloads what an API answer holds as CSV (the same figures, one row per line):
 * csvLink('/api/projects/p/participation', {by: 'month', ...timeQuery()}, 'participation').
 */
export function csvLink(path, query, what) {
  const url = urlWith(path, { ...query, format: 'csv' });
  return el('a', { href: `${url.pathname}${url.search}`, class: 'download', download: '' }, `Download ${what} as CSV`);
}

/**
 * An audit entry's detail in words: a role or other code as a word ("Member"), "member <id>" with
 * the member's name where the page knows it, "site role ADMIN" as "site role Admin".
 */
export function auditDetail(detail, names = {}) {
  if (!detail) return '';
  const linked = /^member (\S+)$/.exec(detail);
  if (linked) return `member ${names[linked[1]] || linked[1]}`;
  return detail.replace(/\b(?:ADMIN|VIEWER|MEMBER|RECORDER|COORDINATOR|TEXT|ALL|[A-Z]+(?:_[A-Z]+)+)\b/g, (code) => label(code));
}

/** A link that downloads an API answer of several tables as an Excel workbook (a sheet each). */
export function workbookLink(path, query, what) {
  const url = urlWith(path, { ...query, format: 'xlsx' });
  return el('a', { href: `${url.pathname}${url.search}`, class: 'download', download: '' }, `Download ${what} as an Excel workbook`);
}

/** A link to another page, keeping the project and the time controls: link('timeline.html', {memberId: 'm-1'}). */
export function link(page, extra = {}) {
  const p = params();
  const out = new URLSearchParams();
  for (const key of ['project', 'asOf', 'knownAt']) if (p.get(key)) out.set(key, p.get(key));
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === '') out.delete(key); else out.set(key, value);
  }
  const q = out.toString();
  return q ? `${page}?${q}` : page;
}

/** Builds an element: el('a', {href: '#', class: 'x', onclick: fn}, 'text', child). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const PAGES = [
  { page: 'index.html', label: 'Projects', project: false },
  { page: 'timeline.html', label: 'Timeline' },
  { page: 'replay.html', label: 'Replay' },
  { page: 'decisions.html', label: 'Decisions' },
  { page: 'participation.html', label: 'Participation' },
  { page: 'meeting.html', label: 'Record a meeting' },
  { page: 'record.html', label: 'Record' },
  { page: 'codebook.html', label: 'Codebook' },
  { page: 'texts.html', label: 'Code texts' },
  { page: 'report.html', label: 'Report' },
];

/**
 * Draws the page's frame: the navigation (project pages only when a project is chosen) and, when
 * asked, the time controls. Answers the <main> element the page fills.
 */
export function shell({ page, title, timeControls = false }) {
  document.title = `${title} · Coproduction Timeline`;
  const project = projectId();
  const nav = el('nav', { 'aria-label': 'Pages' }, el('ul', {},
    PAGES.filter((p) => p.project === false || project).map((p) => el('li', {},
      el('a', { href: link(p.page), 'aria-current': p.page === page ? 'page' : null }, p.label)))));
  const account = el('div', { class: 'account', id: 'account' });
  const header = el('header', { class: 'site' },
    el('a', { class: 'brand', href: 'index.html' }, 'Coproduction Timeline'),
    project ? el('span', { class: 'project-id', 'data-project': project }, project) : null,
    nav, account);
  me().then((m) => {
    const role = project ? roleIn(m, project) : null;
    const where = role ? ` (${label(role)} here)` : m.siteRoles.includes('ADMIN') ? ' (site administrator)' : '';
    account.replaceChildren(...[
      el('span', { id: 'signed-in-as' }, `Signed in as ${m.displayName}${where}`),
      m.siteRoles.includes('ADMIN') ? el('a', { href: 'admin.html', id: 'admin-link' }, 'Accounts') : null,
      el('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut }, 'Sign out'),
    ].filter(Boolean));
    if (project && may(m, project, 'COORDINATOR') || (project && m.siteRoles.includes('ADMIN'))) {
      nav.querySelector('ul').append(el('li', {}, el('a', { href: link('access.html'), 'aria-current': page === 'access.html' ? 'page' : null }, 'Team and access')));
    }
    // Pages for recording, hidden from roles that may not record there (the server refuses anyway).
    for (const [pattern, needed] of [[/^meeting\.html/, 'RECORDER'], [/^record\.html/, 'MEMBER'], [/^texts\.html/, 'MEMBER']]) {
      if (!project || may(m, project, needed)) continue;
      for (const a of nav.querySelectorAll('a')) {
        if (pattern.test(a.getAttribute('href'))) a.parentElement.remove();
      }
    }
  }).catch(() => {});
  const main = el('main', { id: 'main' }, el('h1', {}, title));
  if (timeControls) main.append(timeControlsForm());
  main.append(el('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'status' }));
  document.body.replaceChildren(el('a', { class: 'skip', href: '#main' }, 'Skip to content'), header, main);
  return main;
}

function timeControlsForm() {
  const p = params();
  const asOf = el('input', { type: 'date', id: 'asOf', name: 'asOf', value: p.get('asOf') || '' });
  const knownAt = el('input', { type: 'date', id: 'knownAt', name: 'knownAt', value: p.get('knownAt') || '' });
  const form = el('form', { class: 'time-controls', 'aria-label': 'Point in time' },
    el('label', { for: 'asOf' }, 'As of the end of'), asOf,
    el('label', { for: 'knownAt' }, 'as recorded on'), knownAt,
    el('button', { type: 'submit' }, 'Show'),
    el('button', { type: 'button', id: 'time-now', onclick: () => { asOf.value = ''; knownAt.value = ''; apply(); } }, 'Now'),
    el('p', { class: 'hint' }, 'Empty means now. "As of" is when things happened; "as recorded on" is what the record held then.'));
  function apply() {
    const next = new URLSearchParams(location.search);
    for (const input of [asOf, knownAt]) {
      if (input.value) next.set(input.name, input.value); else next.delete(input.name);
    }
    history.replaceState(null, '', `${location.pathname}?${next}`);
    // The navigation links carry the time too.
    for (const a of document.querySelectorAll('header nav a')) {
      a.href = link(new URL(a.href).pathname.split('/').pop());
    }
    window.dispatchEvent(new CustomEvent('timechange', { detail: timeQuery() }));
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  return form;
}

/** Runs the handler when the time controls change (not on first load: call it yourself then). */
export function onTimeChange(handler) {
  window.addEventListener('timechange', (e) => handler(e.detail));
}

/** Says something in the page's polite live region; kind 'error' makes it an alert. */
export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  if (!status) return;
  status.className = `status ${kind}`;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.textContent = message;
}

/**
 * A table with a caption: rows are arrays of cells (strings, numbers or nodes). A data table is
 * focusable, since on a narrow screen it scrolls sideways in its own box and a keyboard must reach it.
 */
export function table({ caption, headers, rows, id, className = 'data' }) {
  return el('table', { id, class: className, tabindex: '0' },
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell, i) =>
      i === 0 ? el('th', { scope: 'row' }, cell ?? '') : el('td', {}, cell ?? ''))))));
}

/**
 * An ECharts chart with its data as a table beside it (for screen readers and for copying): a
 * <figure> holding the chart and a <details> with the table. Answers {figure, chart}.
 */
export function chart({ title, option, headers, rows, height = 320, id }) {
  const box = el('div', { class: 'chart', style: `height:${height}px`, role: 'img', 'aria-label': title });
  let instance = null;
  const save = (kind) => instance && saveChart(instance, box, `${id || 'chart'}.${kind}`, kind);
  const figure = el('figure', { id, class: 'chart-figure' },
    el('figcaption', {}, title),
    box,
    el('p', { class: 'chart-downloads' },
      el('button', { type: 'button', class: 'link', 'aria-label': `Download “${title}” as SVG`, onclick: () => save('svg') }, 'Download as SVG'), ' · ',
      el('button', { type: 'button', class: 'link', 'aria-label': `Download “${title}” as PNG`, onclick: () => save('png') }, 'Download as PNG')),
    el('details', {}, el('summary', {}, `${title}: the data as a table`),
      table({ caption: title, headers, rows })));
  if (window.echarts) {
    // Drawn once the figure is in the page, so ECharts knows its size.
    queueMicrotask(() => {
      instance = window.echarts.init(box, null, { renderer: 'svg' });
      instance.setOption({ animationDuration: 400, ...option });
      new ResizeObserver(() => instance.resize()).observe(box);
    });
  }
  return { figure, chart: () => instance };
}

/**
 * Saves a chart as the file a report or a slide takes: its SVG as ECharts renders it, or a PNG at
 * twice its size on white, drawn from that SVG (a data: image, as the page's CSP allows).
 */
/** Saves a canvas-drawn ECharts chart (the timeline's) as a PNG at twice its size, on white. */
export function saveCanvasChart(instance, name) {
  const a = el('a', { href: instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function saveChart(instance, box, name, kind) {
  const svg = instance.renderToSVGString();
  const download = (blob) => {
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
  };
  if (kind === 'svg') {
    download(new Blob([svg], { type: 'image/svg+xml' }));
    return;
  }
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = box.clientWidth * 2;
    canvas.height = box.clientHeight * 2;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(download, 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Shows an API refusal on a form: each field's message next to its input, the rest in a summary. */
export function showErrors(form, error) {
  clearErrors(form);
  const unplaced = [];
  for (const e of error.errors || []) {
    const input = e.field && form.querySelector(`[name="${CSS.escape(e.field)}"]`);
    if (input) {
      const id = `${input.id || input.name}-error`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
      input.insertAdjacentElement('afterend', el('p', { class: 'field-error', id, 'data-field': e.field }, e.message));
    } else {
      unplaced.push(e.field ? `${e.field}: ${e.message}` : e.message);
    }
  }
  if (unplaced.length || !(error.errors || []).length) {
    form.prepend(el('div', { class: 'form-errors', role: 'alert' },
      el('p', {}, error.problem?.title || 'Not recorded'),
      unplaced.length ? el('ul', {}, unplaced.map((m) => el('li', {}, m))) : el('p', {}, error.message)));
  }
}

/**
 * Sends a form when it is submitted: its errors cleared, then `send()`; a refusal (ApiError) is shown
 * in the form, field by field, and anything else is thrown; once sent, `done()`.
 */
export function onSubmit(form, send, done) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await send();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error);
      return;
    }
    await done();
  });
}

/**
 * A correction's form: the reason (required, kept in the retraction event) and a button. `before`
 * holds fields placed ahead of the reason; `send(reason)` records it (an ApiError shows in the form);
 * `done()` runs once it is recorded.
 */
export function retractionForm({ id, before = [], button, send, done }) {
  const reason = el('textarea', { id: `${id}-reason`, name: 'reason', rows: 2 });
  const form = el('form', { id, class: 'stacked', novalidate: true },
    ...before,
    el('label', { for: reason.id }, 'Why it was not so (kept in the record)'), reason,
    el('div', {}, el('button', { type: 'submit' }, button)));
  onSubmit(form, () => {
    if (!reason.value.trim()) {
      reason.focus();
      throw new ApiError(400, { title: 'Not retracted', errors: [{ field: 'reason', message: 'Say why: the reason is kept with the correction.' }] });
    }
    return send(reason.value.trim());
  }, done);
  return form;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-errors').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    n.removeAttribute('aria-describedby');
  });
}

/** The form's named inputs as an object, leaving out empty ones. */
export function formValues(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() === '') continue;
    if (key in out) out[key] = [].concat(out[key], value); else out[key] = value;
  }
  return out;
}

/**
 * A day picked in a form, as the instant sent: now for today; for another day, the end of that day
 * in the person's own time zone, so that it falls after whatever else was recorded on it (a member
 * who joined that day among them), never at a midnight before it.
 */
export function localDay(date) {
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  return date === today ? new Date().toISOString() : new Date(`${date}T23:59:59.999`).toISOString();
}

/** 2022-03-15 from an instant. */
export function day(instant) {
  return instant ? String(instant).slice(0, 10) : '';
}

/** 2022-03-15 10:04 (UTC) from an instant. */
export function dateTime(instant) {
  return instant ? String(instant).replace('T', ' ').slice(0, 16) : '';
}

/** 0.234 as "23.4%", null as "–". */
export function percent(share) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** The IPA categories in their order, with the keys the live-coding screen uses. */
export const IPA = [
  'SHOWS_SOLIDARITY', 'SHOWS_TENSION_RELEASE', 'AGREES', 'GIVES_SUGGESTION', 'GIVES_OPINION',
  'GIVES_ORIENTATION', 'ASKS_FOR_ORIENTATION', 'ASKS_FOR_OPINION', 'ASKS_FOR_SUGGESTION',
  'DISAGREES', 'SHOWS_TENSION', 'SHOWS_ANTAGONISM',
];

/** Each IPA category in a sentence a co-researcher can use while coding (after Bales, 1950). */
export const IPA_MEANINGS = {
  SHOWS_SOLIDARITY: 'Raises someone up, helps, welcomes or praises them.',
  SHOWS_TENSION_RELEASE: 'Jokes, laughs, shows relief or satisfaction.',
  AGREES: 'Accepts, understands, goes along with what was said.',
  GIVES_SUGGESTION: 'Proposes what to do or how, leaving others free to decide.',
  GIVES_OPINION: 'Judges, analyses, says what they feel or wish.',
  GIVES_ORIENTATION: 'Gives information, repeats, clarifies or confirms.',
  ASKS_FOR_ORIENTATION: 'Asks for information, a repeat or a confirmation.',
  ASKS_FOR_OPINION: 'Asks what others think or feel.',
  ASKS_FOR_SUGGESTION: 'Asks what to do or how.',
  DISAGREES: 'Rejects what was said, holds back help, turns formal.',
  SHOWS_TENSION: 'Shows strain: asks for help, withdraws, goes quiet.',
  SHOWS_ANTAGONISM: 'Puts someone down, defends or asserts themself against others.',
};

/** Codes whose words are not their letters lower-cased. */
const WORDS = { CO_INVESTIGATOR: 'Co-investigator', IPA: 'IPA' };

/** SERVICE_USER as "Service user". */
export function label(constant) {
  if (!constant) return '';
  if (WORDS[constant]) return WORDS[constant];
  const s = String(constant).toLowerCase().replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
