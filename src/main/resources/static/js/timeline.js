// Project timeline: phases as bands over time, every event as a mark in its lane, filters by
// member, perspective and type, and the events in view as a paged list with their details.
//
// The whole history is loaded once (the timeline API in pages of 1,000, valid time up to asOf) and
// filtered here: the timeline read model has no knownAt, so the page keeps the events recorded by
// knownAt itself (each entry carries its recordedAt), which is the set the export answers for the
// same (asOf, knownAt). Phases come from the project overview at (asOf, knownAt).
import { api, el, shell, say, projectId, timeQuery, onTimeChange, label, csvLink, me, may, retractionForm, saveCanvasChart, memberIn, formValues, onSubmit } from './common.js';
import {
  LANES, laneOf, typeLabel, namesFrom, summary, details, escapeHtml, ms, when, timeLimits, knownBy,
} from './events.js';

const API_PAGE = 1000; // TimelineController.MAX_PAGE_SIZE
const ROWS = 25; // rows of the list per page
const BAND_COLOURS = ['rgba(29,79,145,0.07)', 'rgba(27,27,27,0.03)'];

const project = projectId();
const main = shell({ page: 'timeline.html', title: 'Project timeline', timeControls: true });

const state = {
  overview: null,
  entries: [], // as the timeline API orders them: occurredAt, recordedAt, recording order
  names: null,
  retracted: new Map(), // contributionId or influenceId -> its retraction entry
  perspectives: new Map(), // memberId -> [{at, perspectives}] in valid-time order
  shown: [], // indices into entries passing the filters
  inView: [], // of those, the ones inside the chart's zoom window
  window: null, // [from, to] ms, or null for everything
  page: 0,
  selected: null,
  place: new Map(), // entry index -> [seriesIndex, dataIndex]
  range: [0, 0],
};

const memberSelect = el('select', { id: 'filter-member', name: 'memberId' });
const perspectiveSelect = el('select', { id: 'filter-perspective', name: 'perspective' });
const phaseSelect = el('select', { id: 'zoom-phase', name: 'phase' });
const typeBoxes = new Map(); // type -> checkbox
const typeFieldsets = el('div', { class: 'type-lanes' }, LANES.map((lane) => el('fieldset', { class: 'lane' },
  el('legend', {}, el('span', { class: 'swatch', style: `background:${lane.color}`, 'aria-hidden': 'true' }), lane.label),
  lane.types.map((type) => {
    const box = el('input', { type: 'checkbox', id: `type-${type}`, name: 'type', value: type, checked: true });
    typeBoxes.set(type, box);
    return el('label', { for: box.id, class: 'check' }, box, el('span', { class: 'type-name' }, typeLabel(type)), el('span', { class: 'count muted', id: `count-${type}` }));
  }))));
const filters = el('form', { id: 'timeline-filters', class: 'filters', 'aria-label': 'Filter the timeline' },
  el('div', { class: 'filter-row' },
    el('div', {}, el('label', { for: 'filter-member' }, 'Member'), memberSelect),
    el('div', {}, el('label', { for: 'filter-perspective' }, 'Perspective'), perspectiveSelect),
    el('div', {}, el('label', { for: 'zoom-phase' }, 'Zoom to'), phaseSelect),
    el('div', { class: 'filter-buttons' }, el('button', { type: 'button', id: 'clear-filters', class: 'secondary' }, 'Show everything'))),
  el('details', { class: 'type-filter' }, el('summary', { id: 'type-filter-summary' }, 'Event types'), typeFieldsets));
const counts = el('p', { id: 'timeline-summary', class: 'summary', 'aria-live': 'polite' });
const download = el('p', { id: 'timeline-download' });
const chartBox = el('div', { id: 'timeline-chart', class: 'chart', style: 'height:460px', role: 'img',
  'aria-label': 'Timeline chart: phases as bands, events as marks by lane; the list below holds the same events' });
const figure = el('figure', { id: 'timeline-figure', class: 'chart-figure' },
  el('figcaption', {}, 'Phases and events over time'),
  chartBox,
  el('p', { class: 'chart-downloads' },
    el('button', { type: 'button', class: 'link', id: 'timeline-png', 'aria-label': 'Download the timeline chart as PNG',
      onclick: () => chart && saveCanvasChart(chart, `${project}-timeline.png`) }, 'Download as PNG')),
  el('p', { class: 'hint muted' }, 'Drag the slider under the chart (or hold Ctrl and scroll over it) to zoom; choose a phase in "Zoom to" from the keyboard. The list below holds the events in view; choose one, or click a mark, to see its details.'));
const listSection = el('section', { id: 'event-list', 'aria-labelledby': 'event-list-heading' },
  el('h2', { id: 'event-list-heading' }, 'Events in view'));
const detailsSection = el('aside', { id: 'event-details', 'aria-labelledby': 'event-details-heading', tabindex: '-1' },
  el('h2', { id: 'event-details-heading' }, 'Details'),
  el('div', { id: 'event-details-body', 'aria-live': 'polite' }, el('p', { class: 'muted' }, 'Choose an event in the list or click a mark.')));
main.append(filters, counts, download, figure, el('div', { class: 'timeline-body' }, listSection, detailsSection));

let chart = null;
let rendered = false;
let finishChart = () => {};
const chartFinished = new Promise((resolve) => { finishChart = resolve; });
// ECharts loads (an async script) while the data is fetched.
const echartsLoaded = window.echarts ? Promise.resolve() : new Promise((resolve, reject) => {
  const script = document.querySelector('script[src*="echarts"]');
  script.addEventListener('load', () => resolve());
  script.addEventListener('error', () => reject(new Error('the chart library did not load')));
});
// Where the first render's time goes (ms since navigation start), for the browser test's log.
const timings = { module: Math.round(performance.now()) };
const mark = (name) => { if (!rendered && !(name in timings)) timings[name] = Math.round(performance.now()); };

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  load().catch((e) => say(`Could not load the timeline: ${e.message}`, 'error'));
  onTimeChange(() => load().catch((e) => say(`Could not load the timeline: ${e.message}`, 'error')));
}

async function load() {
  say('Loading the timeline…');
  const time = timeQuery();
  const base = `/api/projects/${encodeURIComponent(project)}`;
  // Valid time is cut by the API (to = asOf, a whole day); recorded time here, below.
  const query = { to: time.asOf, size: API_PAGE };
  const overviewRequest = api(base, { query: time });
  // Retractions at any valid time: one known by knownAt removes its item at every valid time.
  const retractionsRequest = api(`${base}/timeline`, { query: { type: 'ContributionRetracted,InfluenceRetracted', size: API_PAGE } });
  const first = await api(`${base}/timeline`, { query: { ...query, page: 0 } });
  const pages = Math.ceil(first.total / API_PAGE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) },
    (_, i) => api(`${base}/timeline`, { query: { ...query, page: i + 1 } })));
  const overview = await overviewRequest;
  state.account = await me();
  const { knownAt } = timeLimits();
  const retractions = knownBy((await retractionsRequest).entries, knownAt);
  const seen = new Set();
  const all = [first, ...rest].flatMap((p) => p.entries).filter((e) => !seen.has(e.sequence) && seen.add(e.sequence));
  mark('fetched');
  prepare(overview, knownBy(all, knownAt), retractions);
  fillPickers();
  applyFilters();
  mark('prepared');
  await echartsLoaded;
  mark('echarts');
  draw();
  say('');
  if (!rendered) {
    await chartFinished;
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    mark('painted');
    rendered = true;
    document.body.dataset.renderedMs = String(Math.round(performance.now()));
    document.body.dataset.timings = Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ');
  }
}

/** Indexes what the filters and the details need: names, phases, retractions, perspectives over time. */
function prepare(overview, entries, retractions) {
  state.overview = overview;
  state.entries = entries;
  state.names = namesFrom(overview, entries);
  state.retracted = new Map();
  for (const e of retractions) {
    if (e.type === 'ContributionRetracted') state.retracted.set(`c:${e.data.contributionId}`, e);
    if (e.type === 'InfluenceRetracted') state.retracted.set(`i:${e.data.influenceId}`, e);
  }
  state.perspectives = new Map();
  const phases = overview.phases || [];
  for (const e of entries) {
    const t = ms(e.occurredAt);
    e.t = t;
    e.lane = laneOf(e.type);
    // The phase as the record stood at knownAt (the API's entry names the phase known now).
    let phase = null;
    for (const p of phases) if (ms(p.start) <= t) phase = p;
    e.phaseName = phase ? phase.name : null;
    if (e.type === 'MemberJoined' || e.type === 'MemberRoleChanged') {
      if (!state.perspectives.has(e.data.memberId)) state.perspectives.set(e.data.memberId, []);
      state.perspectives.get(e.data.memberId).push({ at: t, perspectives: e.data.perspectives || [] });
    }
  }
  for (const list of state.perspectives.values()) list.sort((a, b) => a.at - b.at);
  const times = entries.map((e) => e.t);
  const { asOf } = timeLimits();
  const first = Math.min(ms(overview.registeredAt) || Infinity, ...times.slice(0, 1));
  let last = Math.max(times.length ? times[times.length - 1] : first, overview.closedAt ? ms(overview.closedAt) : -Infinity);
  if (asOf !== Infinity) last = Math.max(first + 86400000, asOf);
  const pad = Math.max(86400000, (last - first) * 0.01);
  state.range = [first - pad, last + pad];
  state.window = null;
  state.page = 0;
  state.selected = null;
}

function retractionOf(e) {
  if (e.type === 'ContributionRecorded') return state.retracted.get(`c:${e.data.contributionId}`);
  if (e.type === 'InfluenceRecorded') return state.retracted.get(`i:${e.data.influenceId}`);
  return undefined;
}

/** The perspectives a member held at t (the change in force then), as the events loaded say. */
function perspectivesAt(memberId, t) {
  let found = null;
  for (const change of state.perspectives.get(memberId) || []) {
    if (change.at > t) break;
    found = change.perspectives;
  }
  return found || [];
}

function fillPickers() {
  const p = new URLSearchParams(location.search);
  const members = [...(state.overview.members || [])].sort((a, b) => a.name.localeCompare(b.name));
  memberSelect.replaceChildren(el('option', { value: '' }, 'Everyone'),
    ...members.map((m) => el('option', { value: m.memberId }, `${m.name} (${label(m.role)})`)));
  memberSelect.value = members.some((m) => m.memberId === p.get('memberId')) ? p.get('memberId') : '';
  const perspectives = new Set((state.overview.members || []).flatMap((m) => m.perspectives || []));
  for (const list of state.perspectives.values()) for (const c of list) c.perspectives.forEach((x) => perspectives.add(x));
  perspectiveSelect.replaceChildren(el('option', { value: '' }, 'Every perspective'),
    ...[...perspectives].sort().map((x) => el('option', { value: x }, label(x))));
  perspectiveSelect.value = perspectives.has(p.get('perspective')) ? p.get('perspective') : '';
  phaseSelect.replaceChildren(el('option', { value: '' }, 'The whole project'),
    ...(state.overview.phases || []).map((ph) => el('option', { value: ph.phaseId }, ph.name)));
  const hidden = new Set((p.get('hide') || '').split(',').filter(Boolean));
  const byType = new Map();
  for (const e of state.entries) byType.set(e.type, (byType.get(e.type) || 0) + 1);
  for (const [type, box] of typeBoxes) {
    box.checked = !hidden.has(type);
    document.getElementById(`count-${type}`).textContent = ` (${byType.get(type) || 0})`;
  }
}

/** The entries passing the member, perspective and type filters. */
function applyFilters() {
  const member = memberSelect.value;
  const perspective = perspectiveSelect.value;
  const types = new Set([...typeBoxes].filter(([, box]) => box.checked).map(([type]) => type));
  state.shown = [];
  state.entries.forEach((e, i) => {
    if (!types.has(e.type)) return;
    if (member && !e.members.some((m) => m.memberId === member)) return;
    if (perspective && !e.members.some((m) => perspectivesAt(m.memberId, e.t).includes(perspective))) return;
    state.shown.push(i);
  });
  const hiddenTypes = typeBoxes.size - types.size;
  document.getElementById('type-filter-summary').textContent =
    `Event types: ${hiddenTypes ? `${types.size} of ${typeBoxes.size} shown` : 'all shown'}`;
  // The filters travel in the URL, so a reload or a shared link shows the same.
  const next = new URLSearchParams(location.search);
  for (const [key, value] of [['memberId', member], ['perspective', perspective],
    ['hide', [...typeBoxes].filter(([, box]) => !box.checked).map(([type]) => type).join(',')]]) {
    if (value) next.set(key, value); else next.delete(key);
  }
  history.replaceState(null, '', `${location.pathname}?${next}`);
}

function inWindow() {
  const w = state.window;
  state.inView = w ? state.shown.filter((i) => state.entries[i].t >= w[0] && state.entries[i].t <= w[1]) : state.shown;
}

const BIG = new Set(['DecisionMade', 'DecisionRevised', 'MeetingHeld', 'PhaseStarted', 'ProjectRegistered', 'ProjectClosed']);
const LARGE = 1500; // a lane with more marks than this is drawn in ECharts' large mode (one path, fixed size)

/** The marks, lane by lane, then the retracted items (and retractions) faded in a series of their own. */
function seriesData() {
  state.place = new Map();
  const series = [...LANES.map(() => []), []];
  const faded = LANES.length;
  for (const i of state.shown) {
    const e = state.entries[i];
    // Spread marks across their lane (the same for every draw), so a meeting's turns do not hide each other.
    const jitter = (((e.sequence * 2654435761) >>> 0) % 1000) / 1000 * 0.64 - 0.32;
    const k = retractionOf(e) || e.type.endsWith('Retracted') ? faded : e.lane;
    state.place.set(i, [k, series[k].length]);
    series[k].push([e.t, e.lane + jitter, i]);
  }
  return series;
}

const markSize = (value) => (BIG.has(state.entries[value[2]].type) ? 13 : 9);

function option() {
  const lanes = seriesData();
  const [from, to] = state.range;
  const phases = state.overview.phases || [];
  const bands = phases.map((p, k) => [
    { name: p.name, xAxis: ms(p.start), itemStyle: { color: BAND_COLOURS[k % 2] } },
    { xAxis: p.end ? ms(p.end) : to },
  ]);
  return {
    animation: false,
    grid: { left: 190, right: 24, top: 34, bottom: 78 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        if (!Array.isArray(p.value)) return '';
        const e = state.entries[p.value[2]];
        return `<strong>${escapeHtml(typeLabel(e.type))}</strong> · ${escapeHtml(when(e.occurredAt))}<br>${escapeHtml(summary(e, state.names).slice(0, 160))}`;
      },
    },
    xAxis: { type: 'time', min: from, max: to, axisLabel: { color: '#1b1b1b', hideOverlap: true }, axisLine: { onZero: false, lineStyle: { color: '#4a4a4a' } } },
    yAxis: {
      type: 'value', min: -1, max: LANES.length, interval: 1, inverse: true,
      axisLabel: { color: '#1b1b1b', fontSize: 13, formatter: (v) => (LANES[v] ? LANES[v].label : '') },
      axisTick: { show: false }, axisLine: { show: false },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', start: 0, end: 100, bottom: 14, height: 26, labelFormatter: (v) => new Date(v).toISOString().slice(0, 10), textStyle: { color: '#1b1b1b' } },
      { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', start: 0, end: 100, zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false },
    ],
    series: [
      ...LANES.map((lane, k) => ({
        id: `lane-${lane.key}`, name: lane.label, type: 'scatter', data: lanes[k],
        symbol: lane.symbol, symbolSize: lanes[k].length > LARGE ? 5 : markSize,
        itemStyle: { color: lane.color }, progressive: 0, large: true, largeThreshold: LARGE,
        emphasis: { scale: 1.8, itemStyle: { borderColor: '#1b1b1b', borderWidth: 2 } },
      })),
      {
        id: 'retracted', name: 'Retracted, or a retraction', type: 'scatter', data: lanes[LANES.length],
        symbol: (value) => LANES[state.entries[value[2]].lane].symbol, symbolSize: markSize,
        itemStyle: { color: (p) => LANES[state.entries[p.value[2]].lane].color, opacity: 0.35 },
        emphasis: { scale: 1.8, itemStyle: { opacity: 1, borderColor: '#1b1b1b', borderWidth: 2 } },
      },
      {
        id: 'phases', name: 'Phases', type: 'scatter', data: [], silent: true,
        markArea: { silent: true, label: { position: 'insideTop', color: '#1b1b1b', fontWeight: 'bold' }, data: bands },
      },
    ],
  };
}

function draw() {
  if (!chart) {
    chart = window.echarts.init(chartBox, null, { renderer: 'canvas' });
    // Redrawn when the box changes size (not when the observer first reports it).
    let width = chartBox.clientWidth;
    new ResizeObserver(() => {
      if (chartBox.clientWidth !== width) {
        width = chartBox.clientWidth;
        chart.resize();
      }
    }).observe(chartBox);
    chart.on('click', (p) => {
      if (Array.isArray(p.value)) select(p.value[2], false);
    });
    chart.on('datazoom', (event) => onZoom(event));
    chart.on('finished', () => {
      mark('finished');
      finishChart();
    });
    mark('init');
  }
  chart.setOption(option(), { replaceMerge: ['series'] });
  mark('setOption');
  if (state.window) zoomTo(state.window[0], state.window[1]);
  inWindow();
  drawList();
  mark('list');
}

function redraw() {
  applyFilters();
  const series = seriesData();
  chart.setOption({ series: series.map((data, k) => ({ id: k < LANES.length ? `lane-${LANES[k].key}` : 'retracted', data,
    symbolSize: k < LANES.length && data.length > LARGE ? 5 : markSize })) });
  state.page = 0;
  inWindow();
  drawList();
}

function zoomTo(from, to) {
  chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, startValue: from, endValue: to });
}

let zoomFrame = 0;

/** The zoom window from the event (an action names values, the slider percentages); the list follows, once a frame. */
function onZoom(event) {
  const z = event.batch ? event.batch[0] : event;
  const [from, to] = state.range;
  const start = z.startValue ?? from + (to - from) * (z.start ?? 0) / 100;
  const end = z.endValue ?? from + (to - from) * (z.end ?? 100) / 100;
  state.window = start <= from && end >= to ? null : [start, end];
  state.page = 0;
  cancelAnimationFrame(zoomFrame);
  zoomFrame = requestAnimationFrame(() => {
    inWindow();
    drawList();
  });
}

function drawList() {
  const total = state.entries.length;
  const pages = Math.max(1, Math.ceil(state.inView.length / ROWS));
  state.page = Math.min(state.page, pages - 1);
  const rows = state.inView.slice(state.page * ROWS, (state.page + 1) * ROWS);
  const win = state.window ? ` between ${new Date(state.window[0]).toISOString().slice(0, 10)} and ${new Date(state.window[1]).toISOString().slice(0, 10)}` : '';
  counts.textContent = `${state.shown.length} of ${total} events match the filters; ${state.inView.length} in view${win}.`;
  counts.dataset.shown = String(state.shown.length);
  counts.dataset.inView = String(state.inView.length);
  counts.dataset.total = String(total);
  // The download holds the events of the chosen member, types and zoom window (the perspective filter is the page's own).
  const types = [...typeBoxes].filter(([, box]) => box.checked).map(([type]) => type);
  download.replaceChildren(types.length === 0 ? '' : csvLink(`/api/projects/${encodeURIComponent(project)}/timeline`, {
    memberId: memberSelect.value || undefined,
    type: types.length < typeBoxes.size ? types.join(',') : undefined,
    from: state.window ? new Date(state.window[0]).toISOString() : undefined,
    to: state.window ? new Date(state.window[1]).toISOString() : undefined,
  }, 'these events'));
  const pager = (where) => el('div', { class: 'pager', 'aria-label': `Pages of the list (${where})`, role: 'group' },
    el('button', { type: 'button', class: 'secondary', 'data-step': '-1', disabled: state.page === 0 }, 'Previous'),
    el('span', {}, `Page ${state.page + 1} of ${pages}`),
    el('button', { type: 'button', class: 'secondary', 'data-step': '1', disabled: state.page >= pages - 1 }, 'Next'));
  const table = el('table', { id: 'events', class: 'data events', tabindex: '0' },
    el('caption', {}, `Events ${rows.length ? state.page * ROWS + 1 : 0}–${state.page * ROWS + rows.length} of ${state.inView.length} in view`),
    el('thead', {}, el('tr', {}, ['Happened', 'Event', 'Who', 'What', 'Phase'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((i) => {
      const e = state.entries[i];
      const retraction = retractionOf(e);
      return el('tr', { class: [i === state.selected ? 'selected' : '', retraction ? 'retracted' : ''].join(' ').trim() || null, 'data-index': String(i) },
        el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', 'data-index': String(i), 'aria-label': `Details of ${typeLabel(e.type)} on ${when(e.occurredAt)}` }, when(e.occurredAt).slice(0, 16))),
        el('td', {}, el('span', { class: 'swatch', style: `background:${LANES[e.lane].color}`, 'aria-hidden': 'true' }), typeLabel(e.type)),
        el('td', {}, e.members.length > 3 ? `${e.members.length} members` : e.members.map((m) => m.name || m.memberId).join(', ')),
        el('td', {}, summary(e, state.names), retraction ? el('strong', { class: 'tag' }, ` retracted (recorded ${when(retraction.recordedAt).slice(0, 10)})`) : null),
        el('td', {}, e.phaseName || '–'));
    })));
  listSection.replaceChildren(listSection.firstChild, pager('top'), table, pager('bottom'));
}

function select(i, fromList) {
  state.selected = i;
  const e = state.entries[i];
  const body = document.getElementById('event-details-body');
  body.replaceChildren(el('p', { class: 'lead' }, summary(e, state.names)), details(e, state.names, { retractedBy: retractionOf(e) }),
    correction(e) ?? '');
  for (const tr of listSection.querySelectorAll('tr.selected')) tr.classList.remove('selected');
  listSection.querySelector(`tr[data-index="${i}"]`)?.classList.add('selected');
  const place = state.place.get(i);
  if (place && chart) {
    chart.dispatchAction({ type: 'downplay' });
    chart.dispatchAction({ type: 'highlight', seriesIndex: place[0], dataIndex: place[1] });
    if (fromList) chart.dispatchAction({ type: 'showTip', seriesIndex: place[0], dataIndex: place[1] });
  }
  if (!fromList) detailsSection.focus({ preventScroll: true });
}

/**
 * Correcting the chosen event where it is shown (a recorder or coordinator): a turn or an influence
 * is retracted with a reason (a new event, kept with the reason; it no longer counts at any date),
 * then the right one is recorded where it is recorded; a decision's outcome is revised on its page.
 */
function correction(e) {
  if (!state.account || !may(state.account, project, 'RECORDER') || state.overview?.closedAt) return null;
  const base = `/api/projects/${encodeURIComponent(project)}`;
  const page = (file, query) => `${file}?${new URLSearchParams({ project, ...query })}`;
  const section = (heading, ...content) => el('section', { id: 'correct-event', 'aria-labelledby': 'correct-event-heading' },
    el('h3', { id: 'correct-event-heading' }, heading), ...content);
  const reselect = async (message) => {
    const sequence = e.sequence;
    await load();
    const i = state.entries.findIndex((x) => x.sequence === sequence);
    if (i >= 0) select(i, true);
    say(message, 'ok');
  };
  if (retractionOf(e)) return null;
  if (e.type === 'ContributionRecorded') {
    return section('Correct this turn',
      el('p', { class: 'hint' }, 'If the record is wrong (the wrong person or kind of turn), retract it: the turn stays in the timeline with your reason and no longer counts. Then code the right one on the ',
        el('a', { href: page('meeting.html', { meeting: e.data.meetingId }) }, 'meeting’s screen'), '.'),
      retractionForm({
        id: 'retract-turn',
        button: 'Retract this turn',
        send: (reason) => api(`${base}/contributions/${encodeURIComponent(e.data.contributionId)}/retraction`, { method: 'POST', body: { reason } }),
        done: () => reselect('The turn is retracted.'),
      }));
  }
  if (e.type === 'InfluenceRecorded') {
    return section('Correct this influence',
      el('p', { class: 'hint' }, 'If the record is wrong, retract it: the influence stays in the timeline with your reason and no longer counts at any date. Then record the right one on the ',
        el('a', { href: `${page('record.html', {})}#record-influence` }, 'Record page'), '.'),
      retractionForm({
        id: 'retract-timeline-influence',
        button: 'Retract this influence',
        send: (reason) => api(`${base}/decisions/${encodeURIComponent(e.data.decisionId)}/influences/${encodeURIComponent(e.data.influenceId)}/retraction`, { method: 'POST', body: { reason } }),
        done: () => reselect('The influence is retracted.'),
      }));
  }
  if (e.type === 'ReflectionCoded') {
    // Replaced at every date by a coding recorded later and dated no later than this one.
    const replaced = state.entries.some((x) => x.type === 'ReflectionCoded' && x.data.reflectionId === e.data.reflectionId
      && x.sequence > e.sequence && ms(x.occurredAt) <= ms(e.occurredAt));
    return replaced
      ? section('Correct these codes', el('p', { id: 'recode-replaced' }, 'These codes were replaced, at every date, by a later coding of the same reflection.'))
      : section('Correct these codes', recodeForm(e, base, reselect));
  }
  if (e.type === 'DecisionMade' || e.type === 'DecisionRevised') {
    return section('Correct this outcome',
      el('p', {}, 'A decision’s outcome is revised, with the reason, on ',
        el('a', { href: `${page('decisions.html', { decision: e.data.decisionId })}#revise` }, 'the decision’s page'), '.'));
  }
  return null;
}

/**
 * A reflection's codes are those of its latest coding, so a wrong coding is corrected by coding the
 * reflection again, dated as the wrong one: the right codes then hold at every date it held.
 */
function recodeForm(e, base, reselect) {
  const me = memberIn(state.account, project);
  const members = (state.overview.members || []).filter((m) => !m.withdrawn);
  const codes = el('input', { id: 'recode-codes', name: 'codes', value: (e.data.codes || []).join(', ') });
  const coder = el('select', { id: 'recode-codedBy', name: 'codedBy' },
    members.map((m) => el('option', { value: m.memberId, selected: m.memberId === (me || e.data.codedBy) }, m.name)));
  const form = el('form', { id: 'recode-reflection', class: 'stacked', novalidate: true },
    el('p', { class: 'hint' }, 'A reflection’s codes are those of its latest coding. Coding it again, dated as this coding, replaces these codes at every date; both codings stay in the timeline.'),
    el('label', { for: codes.id }, 'The right codes (comma-separated themes)'), codes,
    el('label', { for: coder.id }, 'Coded by'), coder,
    el('div', {}, el('button', { type: 'submit' }, 'Record the right codes')));
  onSubmit(form, () => {
    const values = formValues(form);
    return api(`${base}/reflections/${encodeURIComponent(e.data.reflectionId)}/codes`, {
      method: 'POST',
      body: { codes: String(values.codes || '').split(',').map((c) => c.trim()).filter(Boolean), codedBy: values.codedBy, occurredAt: e.occurredAt },
    });
  }, () => reselect('The reflection is coded again; its codes are the new ones at every date.'));
  return form;
}

listSection.addEventListener('click', (ev) => {
  const button = ev.target.closest('button');
  if (!button) return;
  if (button.dataset.step) {
    state.page += Number(button.dataset.step);
    drawList();
    listSection.querySelector('table caption')?.scrollIntoView({ block: 'nearest' });
  } else if (button.dataset.index) {
    select(Number(button.dataset.index), true);
  }
});
filters.addEventListener('change', (ev) => {
  if (!state.overview) return;
  if (ev.target === phaseSelect) {
    const phase = (state.overview.phases || []).find((p) => p.phaseId === phaseSelect.value);
    if (phase) zoomTo(ms(phase.start), phase.end ? ms(phase.end) - 1 : state.range[1]);
    else zoomTo(state.range[0], state.range[1]);
    return;
  }
  redraw();
});
filters.addEventListener('submit', (ev) => ev.preventDefault());
document.getElementById('clear-filters').addEventListener('click', () => {
  memberSelect.value = '';
  perspectiveSelect.value = '';
  phaseSelect.value = '';
  for (const box of typeBoxes.values()) box.checked = true;
  if (chart) zoomTo(state.range[0], state.range[1]);
  redraw();
});
