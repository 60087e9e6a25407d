// Report: choose a format and a point in time (the time controls), read the HTML report in the
// page, download the Markdown, JSON and PDF versions; members write the team's GRIPP2 answers.
import {
  el, shell, say, projectId, timeQuery, onTimeChange, api, me, may, memberIn, onSubmit, localDay, day,
} from './common.js';

const FORMATS = [
  { value: 'html', label: 'HTML (shown below)', file: 'html' },
  { value: 'md', label: 'Markdown', file: 'md' },
  { value: 'json', label: 'JSON (the data)', file: 'json' },
  { value: 'pdf', label: 'PDF (A4)', file: 'pdf' },
  { value: 'docx', label: 'Word (to write in)', file: 'docx' },
];

const project = projectId();
const main = shell({ page: 'report.html', title: 'Lifecycle report', timeControls: true });

/** The report's address in a format, for the time controls' (asOf, knownAt). */
function reportUrl(format) {
  const appendix = document.getElementById('report-appendix')?.value;
  const gripp2 = document.getElementById('report-gripp2')?.value;
  const query = new URLSearchParams({
    format,
    ...timeQuery(),
    ...(format !== 'json' && appendix !== 'summary' ? { appendix } : {}),
    ...(format !== 'json' && gripp2 !== 'short' ? { gripp2 } : {}),
  });
  return `/api/projects/${encodeURIComponent(project)}/report?${query}`;
}

function fileName(format) {
  const p = new URLSearchParams(location.search);
  const suffix = [p.get('asOf') && `asof-${p.get('asOf')}`, p.get('knownAt') && `known-${p.get('knownAt')}`].filter(Boolean).join('-');
  return `${project}-report${suffix ? `-${suffix}` : ''}.${format}`;
}

const form = el('form', { id: 'report-form', 'aria-describedby': 'report-hint' },
  el('fieldset', { class: 'formats' }, el('legend', {}, 'Format'),
    FORMATS.map((f, i) => el('label', { for: `format-${f.value}` },
      el('input', { type: 'radio', name: 'format', id: `format-${f.value}`, value: f.value, checked: i === 0 }), f.label))),
  el('label', { for: 'report-appendix' }, 'Evidence after the report'),
  el('select', { id: 'report-appendix', name: 'appendix' },
    el('option', { value: 'summary', selected: true }, 'How many events lie behind each part'),
    el('option', { value: 'full' }, 'The event ids behind each part (for auditing)'),
    el('option', { value: 'none' }, 'None')),
  el('label', { for: 'report-gripp2' }, 'GRIPP2 checklist'),
  el('select', { id: 'report-gripp2', name: 'gripp2' },
    el('option', { value: 'short', selected: true }, 'Short form (5 items)'),
    el('option', { value: 'long' }, 'Long form (involvement is the main focus)')),
  el('button', { type: 'submit', id: 'report-go' }, 'Show or download'),
  el('p', { id: 'report-hint', class: 'muted' }, 'The report answers for the point in time chosen above: what had happened by "as of", as the record stood on "as recorded on". HTML is shown below; the other formats are downloaded.'));
const downloads = el('ul', { class: 'downloads', id: 'report-downloads', 'aria-label': 'Downloads' });
const frame = el('iframe', { id: 'report-frame', title: 'The lifecycle report (HTML)', sandbox: 'allow-same-origin' });
main.append(form, el('h2', {}, 'Downloads'), downloads, el('h2', { id: 'report-view-heading' }, 'The report'), frame);

function refresh(after = '') {
  downloads.replaceChildren(...FORMATS.map((f) => el('li', {},
    el('a', {
      class: 'button secondary', id: `download-${f.value}`, href: reportUrl(f.value), download: fileName(f.file), onclick: fetchDownload,
    }, `Download ${f.label.replace(/ \(.*\)/, '')}`))));
  showHtml(after);
}

/**
 * A download the page fetches itself, so that it can say the report is being built (a PDF or Word
 * document takes a few seconds) and say so again when it is saved, or why it failed. Without
 * scripts the link downloads as it is.
 */
async function fetchDownload(event) {
  const link = event.currentTarget;
  if (link.getAttribute('aria-busy') === 'true') {
    event.preventDefault();
    return;
  }
  event.preventDefault();
  const what = link.textContent.replace('Download ', '');
  link.setAttribute('aria-busy', 'true');
  say(`Building the ${what} report…`);
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (!response.ok) {
      say(`The ${what} report could not be built (${response.status}).`, 'error');
      return;
    }
    const saved = URL.createObjectURL(await response.blob());
    const anchor = el('a', { href: saved, download: link.getAttribute('download'), hidden: true });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(saved), 60000);
    say(`The ${what} report is downloaded: ${link.getAttribute('download')}.`);
  } finally {
    link.removeAttribute('aria-busy');
  }
}

/** Loads the HTML report in the frame, saying so, then `after` (or nothing) once it is shown. */
function showHtml(after = '') {
  say('Building the report…');
  frame.onload = () => say(after);
  frame.src = reportUrl('html');
}

form.elements.appendix.addEventListener('change', () => refresh());
form.elements.gripp2.addEventListener('change', () => refresh());
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const format = new FormData(form).get('format');
  if (format === 'html') {
    showHtml();
    frame.scrollIntoView({ block: 'start' });
  } else {
    document.getElementById(`download-${format}`).click();
  }
});

/**
 * The team's answers to the GRIPP2 items: pick an item, write (or rewrite) its text with its authors
 * and the day from which it reads so. Shown to members; the server decides (a member writes as one
 * of the authors, a recorder for anyone).
 */
async function writingPanel() {
  const [account, overview, report] = await Promise.all([
    me(),
    api(`/api/projects/${encodeURIComponent(project)}`),
    api(`/api/projects/${encodeURIComponent(project)}/report`, { query: { format: 'json' } }),
  ]);
  if (!may(account, project, 'MEMBER')) return;
  const self = memberIn(account, project);
  const answers = report.gripp2.answers;
  const text = el('textarea', { id: 'gripp2-text', name: 'text', rows: 8 });
  const item = el('select', { id: 'gripp2-item', name: 'item' },
    answers.map((a) => el('option', { value: a.key }, `${a.item}${a.written ? ' (written)' : (a.toBeWrittenByTeam ? ' (to be written)' : '')}`)));
  const authors = el('fieldset', { class: 'checks', id: 'gripp2-authors', name: 'authors' }, el('legend', {}, 'Written by'),
    overview.members.filter((m) => m.active && !m.withdrawn).map((m, i) => el('label', { for: `gripp2-author-${i}` },
      el('input', { type: 'checkbox', name: 'authors', value: m.memberId, id: `gripp2-author-${i}`, checked: m.memberId === self }), ` ${m.name}`)));
  const from = el('input', { type: 'date', id: 'gripp2-date', name: 'occurredAt', value: new Date().toISOString().slice(0, 10) });
  const current = el('p', { id: 'gripp2-current', class: 'muted' });
  const show = () => {
    const answer = answers.find((a) => a.key === item.value);
    text.value = answer.written ? answer.written.text : '';
    current.textContent = answer.written
      ? `Written by ${answer.written.authors.join(', ')}, from ${day(answer.written.writtenAt)}. Saving writes it again; the record keeps both.`
      : (answer.toBeWrittenByTeam ? 'The record cannot answer this: the report says "To be written by the team" until you do.'
        : 'The record answers this with figures; what you write is printed above them.');
  };
  item.addEventListener('change', show);
  const form = el('form', { id: 'gripp2-form', class: 'stacked', novalidate: true },
    el('label', { for: item.id }, 'GRIPP2 answer'), item, current,
    el('label', { for: text.id }, 'Text (a blank line starts a new paragraph)'), text,
    authors,
    el('label', { for: from.id }, 'Reads so from'), from,
    el('div', {}, el('button', { type: 'submit', id: 'gripp2-save' }, 'Save the answer')));
  onSubmit(form, () => api(`/api/projects/${encodeURIComponent(project)}/report/items/${encodeURIComponent(item.value)}`, {
    method: 'POST',
    body: {
      text: text.value,
      authors: [...form.querySelectorAll('input[name="authors"]:checked')].map((c) => c.value),
      occurredAt: from.value ? localDay(from.value) : undefined,
    },
  }), async () => {
    const saved = answers.find((a) => a.key === item.value);
    saved.written = { text: text.value, authors: [...form.querySelectorAll('input[name="authors"]:checked')].map((c) => c.parentElement.textContent.trim()), writtenAt: from.value };
    item.selectedOptions[0].textContent = `${saved.item} (written)`;
    show();
    refresh(`The answer "${saved.item}" is saved; the report below shows it.`);
  });
  show();
  main.insertBefore(el('section', { id: 'write-gripp2', 'aria-labelledby': 'write-gripp2-heading' },
    el('h2', { id: 'write-gripp2-heading' }, 'Write with the team: GRIPP2 answers'),
    el('p', { class: 'muted' }, 'What the record cannot say (the aim, what went well and what did not, what the team learned) is written here by the team, and printed in the report under its item.'),
    form), document.getElementById('report-view-heading'));
}

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  refresh();
  onTimeChange(() => refresh());
  writingPanel();
}
