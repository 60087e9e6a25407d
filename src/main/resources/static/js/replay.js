// Replay: the project phase by phase as the record stood (knownAt), up to a date (asOf, sent as the
// replay's `until`). One request answers every phase; stepping redraws the page from it, and the
// chart moves from one phase's figures to the next (ECharts animates setOption).
import { api, el, shell, say, table, chart, day, percent, label, params, projectId, onTimeChange, timeQuery } from './common.js';

const project = projectId();
const main = shell({ page: 'replay.html', title: 'Replay', timeControls: true });
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const PLAY_EVERY_MS = 2500;

let replay = null;
let perspectives = [];
let index = 0;
let timer = null;
let figure = null;

if (!project) {
  main.append(el('p', {}, 'Choose a project on the ', el('a', { href: 'index.html' }, 'projects page'), ' first.'));
} else {
  load();
  onTimeChange(load);
}

async function load() {
  stop();
  try {
    const query = { knownAt: timeQuery().knownAt, until: params().get('asOf') || undefined };
    replay = await api(`/api/projects/${encodeURIComponent(project)}/replay`, { query });
  } catch (e) {
    say(`Could not load the replay: ${e.message}`, 'error');
    return;
  }
  perspectives = [...new Set(replay.phases.flatMap((p) => Object.keys(p.activity.contributionsByPerspective)))].sort();
  const wanted = params().get('phase');
  index = Math.max(0, replay.phases.findIndex((p) => p.phaseId === wanted));
  build();
  show(index, { announce: false });
}

function build() {
  main.querySelector('#replay')?.remove();
  if (!replay.phases.length) {
    main.append(el('section', { id: 'replay' }, el('p', {}, 'No phase had started by then.')));
    return;
  }
  const n = replay.phases.length;
  const step = el('input', { type: 'range', id: 'phase-step', min: 1, max: n, value: index + 1, 'aria-valuetext': '' });
  step.addEventListener('input', () => show(Number(step.value) - 1));
  const controls = el('div', { class: 'stepper', role: 'group', 'aria-label': 'Step through the phases' },
    el('button', { type: 'button', id: 'previous', class: 'secondary', 'aria-keyshortcuts': 'ArrowLeft', onclick: () => show(index - 1) }, '◀ Previous'),
    el('button', { type: 'button', id: 'play', 'aria-pressed': 'false', onclick: () => (timer ? stop() : play()) }, '▶ Play'),
    el('button', { type: 'button', id: 'next', class: 'secondary', 'aria-keyshortcuts': 'ArrowRight', onclick: () => show(index + 1) }, 'Next ▶'),
    el('label', { for: 'phase-step' }, 'Phase'), step,
    el('span', { class: 'hint' }, 'Keys: ← and → step, Home and End jump.'));
  figure = chart({
    id: 'perspective-chart',
    title: 'Share of contributions by perspective',
    headers: ['Perspective', 'Previous phase', 'This phase'],
    rows: [],
    height: 300,
    option: {
      animationDurationUpdate: reducedMotion ? 0 : 700,
      animationEasingUpdate: 'cubicInOut',
      grid: { left: 110, right: 30, top: 30, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => percent(v) },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', data: perspectives.map(label), inverse: true },
      series: [
        { name: 'Previous phase', type: 'bar', data: perspectives.map(() => 0), itemStyle: { color: '#b1b4b6' } },
        { name: 'This phase', type: 'bar', data: perspectives.map(() => 0), itemStyle: { color: '#1d4f91' },
          label: { show: true, position: 'right', formatter: (p) => percent(p.value) } },
      ],
    },
  });
  main.append(el('section', { id: 'replay', 'aria-labelledby': 'phase-heading' },
    controls,
    el('h2', { id: 'phase-heading', tabindex: '-1' }),
    el('p', { id: 'phase-period', class: 'muted' }),
    el('dl', { class: 'figures', id: 'figures' }),
    el('div', { class: 'replay-grid' },
      el('div', {}, el('h3', {}, 'Participation by perspective'), figure.figure, el('div', { id: 'perspective-table' })),
      el('div', {}, el('h3', {}, 'The team at the end of the phase'), el('div', { id: 'team' }))),
    el('h3', {}, 'Decisions of the phase'),
    el('div', { id: 'decisions' })));
}

function show(i, { announce = true } = {}) {
  if (!replay?.phases.length) return;
  index = Math.min(Math.max(i, 0), replay.phases.length - 1);
  const phase = replay.phases[index];
  const previous = index > 0 ? replay.phases[index - 1] : null;
  const n = replay.phases.length;
  const next = new URLSearchParams(location.search);
  next.set('phase', phase.phaseId);
  history.replaceState(null, '', `${location.pathname}?${next}`);

  const step = document.getElementById('phase-step');
  step.value = index + 1;
  step.setAttribute('aria-valuetext', `${index + 1} of ${n}: ${phase.name}`);
  document.getElementById('previous').disabled = index === 0;
  document.getElementById('next').disabled = index === n - 1;
  document.getElementById('phase-heading').textContent = `Phase ${index + 1} of ${n}: ${phase.name}`;
  document.getElementById('phase-period').textContent =
    `${day(phase.start)} to ${phase.end ? day(phase.end) : replay.closedAt ? `${day(replay.closedAt)}, when the project closed` : 'now (the current phase)'}${previous ? `; compared with ${previous.name}` : '; the first phase'}`;

  const a = phase.activity;
  const shift = phase.shift;
  const made = phase.decisions.filter((d) => d.steps.includes('MADE')).length;
  document.getElementById('figures').replaceChildren(...[
    ['Team', phase.team.length, shift?.teamSize, 'team-size'],
    ['Meetings', a.meetings, shift?.meetings, 'meetings'],
    ['Contributions', a.contributions, shift?.contributions, 'contributions'],
    ['Decisions made', made, shift?.decisionsMade, 'decisions-made'],
  ].map(([name, value, change, id]) => el('div', { class: 'figure' },
    el('dt', {}, name),
    el('dd', {}, el('span', { id: `figure-${id}`, class: 'value' }, String(value)),
      change === undefined || change === null ? null : el('span', { class: `change ${change > 0 ? 'up' : change < 0 ? 'down' : ''}` }, ` ${signed(change)} on the phase before`)))));

  const shares = perspectives.map((p) => a.contributionShareByPerspective[p] ?? 0);
  const before = perspectives.map((p) => previous?.activity.contributionShareByPerspective[p] ?? 0);
  const instance = figure.chart();
  const update = { series: [{ data: before }, { data: shares }] };
  if (instance) instance.setOption(update);
  else queueMicrotask(() => figure.chart()?.setOption(update));
  const rows = perspectives.map((p, k) => [
    label(p),
    String(a.contributionsByPerspective[p] ?? 0),
    percent(shares[k]),
    previous ? signedPercent(shift?.contributionShareByPerspective?.[p] ?? shares[k] - before[k]) : '–',
    String(a.meetingsByPerspective?.[p] ?? 0),
  ]);
  figure.figure.querySelector('details table').replaceWith(table({
    caption: 'Share of contributions by perspective',
    headers: ['Perspective', 'Previous phase', 'This phase'],
    rows: perspectives.map((p, k) => [label(p), percent(before[k]), percent(shares[k])]),
  }));
  document.getElementById('perspective-table').replaceChildren(table({
    id: 'perspectives',
    caption: `Contributions by primary perspective (${a.contributions} in all)`,
    headers: ['Perspective', 'Contributions', 'Share', 'Shift in share', 'Meetings attended'],
    rows,
  }));

  const joined = new Set(phase.joined);
  const changed = new Set(phase.changed);
  document.getElementById('team').replaceChildren(table({
    id: 'team-table',
    caption: `${phase.team.length} on the team${phase.left.length ? `; left in this phase: ${phase.left.map(name).join(', ')}` : ''}`,
    headers: ['Member', 'Role', 'Perspectives', 'In this phase'],
    rows: phase.team.map((m) => [m.name, label(m.role), m.perspectives.map(label).join(', '),
      [joined.has(m.memberId) ? 'joined' : '', changed.has(m.memberId) ? 'role or perspectives changed' : ''].filter(Boolean).join('; ')]),
  }));

  document.getElementById('decisions').replaceChildren(phase.decisions.length
    ? el('ul', { class: 'decisions' }, phase.decisions.map((d) => el('li', { 'data-decision': d.decisionId },
      el('a', { href: `decisions.html?project=${encodeURIComponent(project)}&decision=${encodeURIComponent(d.decisionId)}` }, d.title),
      el('span', { class: 'muted' }, ` · ${d.steps.map(label).join(', ')} in this phase${d.method ? ` · ${label(d.method)}` : ''}`),
      d.outcome ? el('p', { class: 'outcome' }, d.outcome) : null,
      d.influencers.length ? el('p', { class: 'influencers' }, 'Influenced by: ', d.influencers.flatMap((x, k) => [k ? '; ' : '',
        el('strong', {}, x.name), ` (${x.perspectives.map(label).join(', ')}): ${x.kinds.map(label).join(', ').toLowerCase()}`])) : null)))
    : el('p', {}, 'No decision was proposed, made or revised in this phase.'));

  if (announce) say(`Phase ${index + 1} of ${n}: ${phase.name}.`);
}

function name(memberId) {
  for (const p of replay.phases) {
    const m = p.team.find((x) => x.memberId === memberId);
    if (m) return m.name;
  }
  return memberId;
}

function signed(x) {
  return x > 0 ? `+${x}` : String(x);
}

function signedPercent(x) {
  const points = (x * 100).toFixed(1);
  return `${x > 0 ? '+' : ''}${points} points`;
}

function play() {
  if (index >= replay.phases.length - 1) show(0);
  const button = document.getElementById('play');
  button.textContent = '❚❚ Pause';
  button.setAttribute('aria-pressed', 'true');
  timer = setInterval(() => {
    if (index >= replay.phases.length - 1) stop();
    else show(index + 1);
  }, PLAY_EVERY_MS);
}

function stop() {
  clearInterval(timer);
  timer = null;
  const button = document.getElementById('play');
  if (button) {
    button.textContent = '▶ Play';
    button.setAttribute('aria-pressed', 'false');
  }
}

document.addEventListener('keydown', (e) => {
  if (!replay || e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea')) return;
  const to = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: replay.phases.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  stop();
  show(to);
});
