// Participation: who spoke, who shaped decisions and who stayed quiet, window by window (phases or
// months), as docs/metrics.md defines each measure; then one member's trajectory phase by phase.
import { api, el, shell, say, table, chart, percent, label, params, projectId, onTimeChange, timeQuery, day, csvLink, workbookLink } from './common.js';

const project = projectId();
const main = shell({ page: 'participation.html', title: 'Participation', timeControls: true });
const base = `/api/projects/${encodeURIComponent(project)}`;
const LEVELS = ['NONE', 'CONSULTED', 'COLLABORATED', 'LED'];

const number = (x, digits = 2) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));

if (!project) {
  main.append(el('p', {}, 'Choose a project on the ', el('a', { href: 'index.html' }, 'projects page'), ' first.'));
} else {
  const by = el('select', { id: 'by', name: 'by' },
    [['phase', 'Phase'], ['month', 'Month'], ['quarter', 'Quarter']].map(([v, t]) => el('option', { value: v, selected: (params().get('by') || 'phase') === v }, t)));
  by.addEventListener('change', () => {
    const next = new URLSearchParams(location.search);
    next.set('by', by.value);
    history.replaceState(null, '', `${location.pathname}?${next}`);
    load();
  });
  main.append(el('div', { class: 'by' }, el('label', { for: 'by' }, 'Windows: one per '), by,
    el('span', { class: 'muted' }, ' · each measure is defined in docs/metrics.md; retracted contributions and influences do not count.')),
  el('div', { id: 'participation' }),
  el('section', { id: 'trajectory-section', 'aria-labelledby': 'trajectory-heading' },
    el('h2', { id: 'trajectory-heading' }, 'A member\'s trajectory'),
    el('div', { class: 'by' }, el('label', { for: 'member' }, 'Member'), el('select', { id: 'member' })),
    el('div', { id: 'trajectory' })));
  document.getElementById('member').addEventListener('change', (e) => {
    const next = new URLSearchParams(location.search);
    next.set('member', e.target.value);
    history.replaceState(null, '', `${location.pathname}?${next}`);
    trajectory();
  });
  load();
  onTimeChange(load);
}

/** A series per perspective of some measure over the windows, as a line chart with its table. */
function perspectiveChart({ id, title, windows, perspectives, value, format, yAxis = {}, type = 'line', extra = {} }) {
  return chart({
    id,
    title,
    headers: ['Window', ...perspectives.map(label)],
    rows: windows.map((w) => [w.name, ...perspectives.map((p) => format(value(w.perspectives.find((x) => x.perspective === p))))]),
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v) => format(v) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 60, right: 20, top: 40, bottom: 80 },
      xAxis: { type: 'category', data: windows.map((w) => w.name), axisLabel: { interval: windows.length > 12 ? 'auto' : 0, rotate: windows.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', ...yAxis },
      series: perspectives.map((p) => ({
        name: label(p), type, stack: type === 'bar' ? 'all' : undefined, connectNulls: false,
        data: windows.map((w) => value(w.perspectives.find((x) => x.perspective === p)) ?? null),
      })).map((s, i) => (i === 0 ? { ...s, ...extra } : s)),
    },
  });
}

async function load() {
  const box = document.getElementById('participation');
  const by = params().get('by') || 'phase';
  let data;
  let overview;
  try {
    [data, overview] = await Promise.all([
      api(`${base}/participation`, { query: { by, ...timeQuery() } }),
      api(base, { query: timeQuery() }),
    ]);
  } catch (e) {
    say(`Could not load participation: ${e.message}`, 'error');
    return;
  }
  const windows = data.windows;
  const perspectives = [...new Set(windows.flatMap((w) => w.perspectives.map((p) => p.perspective)))].sort();
  const pct = (x) => percent(x);
  const pctAxis = { axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } };
  if (!windows.length) {
    box.replaceChildren(el('p', {}, 'Nothing to show yet: no window has begun.'));
    return;
  }
  box.replaceChildren(
    el('p', {}, `${plural(windows.length, 'window')}, ${plural(windows.reduce((s, w) => s + w.totalContributions, 0), 'contribution')} in ${plural(windows.reduce((s, w) => s + w.meetings, 0), 'meeting')}. `,
      csvLink(`${base}/participation`, { by, ...timeQuery() }, 'every member’s figures, window by window,'), ' · ',
      csvLink(base, timeQuery(), 'the team'), ' · ',
      workbookLink(`${base}/participation`, { by, ...timeQuery() }, 'the windows, members, perspectives and involvement')),
    el('div', { class: 'chart-grid' },
      perspectiveChart({ id: 'share-chart', title: 'Share of contributions by primary perspective', windows, perspectives, type: 'bar',
        value: (p) => p?.share ?? 0, format: pct, yAxis: { max: 1, ...pctAxis } }).figure,
      perspectiveChart({ id: 'voice-chart', title: 'Voice ratio by perspective (1 = spoke in proportion to presence)', windows, perspectives,
        value: (p) => p?.voiceRatio ?? null, format: (v) => number(v),
        extra: { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { color: '#1b1b1b', type: 'dashed' }, label: { formatter: 'in proportion', position: 'insideEndTop' } } } }).figure,
      perspectiveChart({ id: 'influence-chart', title: 'Influence share by perspective', windows, perspectives, type: 'bar',
        value: (p) => p?.influenceShare ?? 0, format: pct, yAxis: { max: 1, ...pctAxis } }).figure,
      chart({
        id: 'equality-chart',
        title: 'Gini of contributions and perspective entropy',
        headers: ['Window', 'Gini (0 = equal)', 'Perspective entropy (1 = every perspective equally)'],
        rows: windows.map((w) => [w.name, number(w.gini, 3), number(w.perspectiveEntropy, 3)]),
        option: {
          tooltip: { trigger: 'axis', valueFormatter: (v) => number(v, 3) },
          legend: { top: 0 },
          grid: { left: 60, right: 20, top: 40, bottom: 80 },
          xAxis: { type: 'category', data: windows.map((w) => w.name), axisLabel: { interval: windows.length > 12 ? 'auto' : 0, rotate: windows.length > 5 ? 30 : 0 } },
          yAxis: { type: 'value', min: 0, max: 1 },
          series: [
            { name: 'Gini', type: 'line', data: windows.map((w) => w.gini), itemStyle: { color: '#a4001d' } },
            { name: 'Perspective entropy', type: 'line', data: windows.map((w) => w.perspectiveEntropy), itemStyle: { color: '#00602b' } },
          ],
        },
      }).figure),
    explained(),
    el('h2', {}, 'Involvement by phase and perspective'),
    el('p', { class: 'hint' }, 'The highest level that holds in each window (GRIPP2 items 4c and 4d): None, nobody with that perspective attended; Consulted, present but no influence on a decision made in the window; Collaborated, influenced at least one; Led, a decision of the window was decided only by members of that perspective.'),
    table({
      id: 'involvement',
      className: 'data involvement',
      caption: 'Involvement level of each perspective, window by window',
      headers: ['Perspective', ...windows.map((w) => w.name)],
      rows: perspectives.map((p) => [label(p), ...windows.map((w) => {
        const level = w.involvement?.[p] ?? 'NONE';
        return el('span', { class: `level level-${LEVELS.indexOf(level)}`, 'data-perspective': p, 'data-window': w.key }, label(level));
      })]),
    }),
    el('h2', {}, 'Decisions and service-user influence'),
    table({
      id: 'decision-table',
      caption: 'Decisions made in each window',
      headers: ['Window', 'Period', 'Decisions made', 'With service-user influence', 'Methods', 'Gini', 'Perspective entropy'],
      rows: windows.map((w) => [w.name, `${day(w.start)} to ${w.end ? day(w.end) : overview.closedAt ? `${day(overview.closedAt)} (closure)` : 'now'}`, String(w.decisions.made),
        w.decisions.made ? `${w.decisions.withServiceUserInfluence} (${percent(w.decisions.share)})` : '–',
        Object.entries(w.decisions.byMethod || {}).filter(([, n]) => n).map(([m, n]) => `${label(m)} ${n}`).join(', ') || '–',
        number(w.gini, 3), number(w.perspectiveEntropy, 3)]),
    }));

  const select = document.getElementById('member');
  const chosen = params().get('member') || select.value;
  select.replaceChildren(...overview.members.map((m) => el('option', { value: m.memberId, selected: m.memberId === chosen },
    `${m.name} (${label(m.primaryPerspective)})`)));
  trajectory();
}

async function trajectory() {
  const memberId = document.getElementById('member').value;
  const box = document.getElementById('trajectory');
  if (!memberId) {
    box.replaceChildren(el('p', {}, 'Nobody on the team yet.'));
    return;
  }
  let t;
  try {
    t = await api(`${base}/members/${encodeURIComponent(memberId)}/trajectory`, { query: timeQuery() });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error' }, `Could not load the trajectory: ${e.message}`));
    return;
  }
  const phases = t.phases;
  box.replaceChildren(
    chart({
      id: 'trajectory-chart',
      title: `${t.name}, phase by phase: share, voice ratio and influence share`,
      headers: ['Phase', 'On the team', 'Role', 'Perspectives', 'Contributions', 'Share', 'Voice ratio', 'Influences', 'Influence share'],
      rows: phases.map((p) => [p.name, p.onTeam ? 'yes' : 'no', label(p.role), (p.perspectives || []).map(label).join(', '),
        String(p.contributions), percent(p.share), number(p.voiceRatio), String(p.influences), percent(p.influenceShare)]),
      option: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 60, right: 60, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: phases.map((p) => p.name) },
        yAxis: [
          { type: 'value', name: 'share', axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
          { type: 'value', name: 'voice ratio', splitLine: { show: false } },
        ],
        series: [
          { name: 'Share of contributions', type: 'bar', data: phases.map((p) => p.share), itemStyle: { color: '#1d4f91' } },
          { name: 'Influence share', type: 'bar', data: phases.map((p) => p.influenceShare), itemStyle: { color: '#6b3fa0' } },
          { name: 'Voice ratio', type: 'line', yAxisIndex: 1, data: phases.map((p) => p.voiceRatio), itemStyle: { color: '#a4001d' } },
        ],
      },
    }).figure);
}

/** The measures in plain words, beside the charts: what a co-researcher needs to read them (docs/metrics.md defines them exactly). */
function explained() {
  const terms = [
    ['Share of contributions', 'Of everything said in the meetings of a window, the part said by people of this perspective.'],
    ['Voice ratio', 'How much a group spoke compared with how often it was there: 1 means in proportion; below 1, it spoke less than its presence would suggest; above 1, more.'],
    ['Influence share', 'Of all the influences recorded on decisions in a window (proposing, supporting, opposing, amending, bringing evidence or lived experience), the part that came from this perspective.'],
    ['Gini', 'How unevenly the talking was shared among the people present: 0 means everyone said as much as everyone else; close to 1, one person did nearly all of it.'],
    ['Perspective entropy', 'How evenly the talking was spread across the perspectives present: 1 means each said as much as the others; 0 means one perspective said everything.'],
  ];
  return el('details', { class: 'explain', id: 'measures-explained' },
    el('summary', {}, 'What do these measures mean?'),
    el('dl', { class: 'facts' }, terms.flatMap(([term, meaning]) => [el('dt', {}, term), el('dd', {}, meaning)])),
    el('p', { class: 'muted' }, 'Each measure is defined exactly, with worked examples, in docs/metrics.md of the project\'s repository. Retracted contributions and influences never count.'));
}

/** "1 meeting", "3 meetings". */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
