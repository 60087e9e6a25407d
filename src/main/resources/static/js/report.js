// Report: choose a format and a point in time (the time controls), read the HTML report in the
// page, download the Markdown, JSON and PDF versions.
import { el, shell, say, projectId, timeQuery, onTimeChange } from './common.js';

const FORMATS = [
  { value: 'html', label: 'HTML (shown below)', file: 'html' },
  { value: 'md', label: 'Markdown', file: 'md' },
  { value: 'json', label: 'JSON (the data)', file: 'json' },
  { value: 'pdf', label: 'PDF (A4)', file: 'pdf' },
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

function refresh() {
  downloads.replaceChildren(...FORMATS.map((f) => el('li', {},
    el('a', { class: 'button secondary', id: `download-${f.value}`, href: reportUrl(f.value), download: fileName(f.file) }, `Download ${f.label.replace(/ \(.*\)/, '')}`))));
  showHtml();
}

function showHtml() {
  say('Building the report…');
  frame.onload = () => say('');
  frame.src = reportUrl('html');
}

form.elements.appendix.addEventListener('change', refresh);
form.elements.gripp2.addEventListener('change', refresh);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const format = new FormData(form).get('format');
  if (format === 'html') {
    showHtml();
    frame.scrollIntoView({ block: 'start' });
  } else {
    document.getElementById(`download-${format}`).click();
    say(`Downloading the ${format.toUpperCase()} report…`);
  }
});

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  refresh();
  onTimeChange(refresh);
}
