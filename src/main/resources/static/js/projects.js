// Projects: the list, registering a new project, importing a JSON Lines file and exporting one.
import { api, el, shell, say, table, showErrors, clearErrors, formValues, day, ApiError, csrfToken, label, may, roleIn } from './common.js';

const main = shell({ page: 'index.html', title: 'Projects' });

const list = el('section', { 'aria-labelledby': 'projects-heading' }, el('h2', { id: 'projects-heading' }, 'Your projects'));
const createForm = el('form', { class: 'stacked', id: 'create-project', novalidate: true },
  el('label', { for: 'new-title' }, 'Title'), el('input', { id: 'new-title', name: 'title', required: true }),
  el('label', { for: 'new-projectId' }, 'Project id (from the title; yours to change: letters, digits, . _ : -)'), el('input', { id: 'new-projectId', name: 'projectId' }),
  el('label', { for: 'new-description' }, 'Description (optional)'), el('textarea', { id: 'new-description', name: 'description', rows: 2 }),
  el('label', { for: 'new-fundedBy' }, 'Funded by (optional)'), el('input', { id: 'new-fundedBy', name: 'fundedBy' }),
  el('label', { for: 'new-occurredAt' }, 'Registered on (optional, default today)'), el('input', { id: 'new-occurredAt', name: 'occurredAt', type: 'date' }),
  el('div', {}, el('button', { type: 'submit' }, 'Register project')));
const importForm = el('form', { class: 'stacked', id: 'import-file' },
  el('label', { for: 'import-input' }, 'JSON Lines file (.jsonl), one event a line, as exported here'),
  el('input', { id: 'import-input', name: 'file', type: 'file', accept: '.jsonl,.ndjson,application/x-ndjson,text/plain', required: true }),
  el('div', {}, el('button', { type: 'submit' }, 'Import')),
  el('progress', { id: 'import-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Import progress' }),
  el('div', { id: 'import-result', 'aria-live': 'polite' }));

main.append(list,
  el('h2', {}, 'Register a project'), createForm,
  el('h2', {}, 'Import'), el('p', {}, 'A file is checked whole before anything is stored: one bad line and nothing is imported. Importing the same file again imports nothing new.'), importForm);

async function showProjects() {
  const [projects, account] = await Promise.all([api('/api/projects'), api('/api/me')]);
  list.querySelector('table, p.empty')?.remove();
  if (!projects.length) {
    list.append(el('p', { class: 'empty' }, 'No projects yet: register one or import a file.'));
    return;
  }
  list.append(table({
    id: 'projects',
    caption: `${projects.length} project${projects.length === 1 ? '' : 's'}`,
    headers: ['Project', 'Registered', 'Current phase', 'Team', 'Your role', 'Open', 'Export'],
    rows: projects.map((p) => [
      el('span', {}, el('strong', {}, p.title), el('br'), el('span', { class: 'mono muted' }, p.projectId)),
      day(p.registeredAt) + (p.closedAt ? ` (closed ${day(p.closedAt)})` : ''),
      p.currentPhase || '–',
      String(p.members),
      label(roleIn(account, p.projectId) || (account.siteRoles.includes('ADMIN') ? 'ADMINISTRATOR' : '')),
      el('span', {}, ...[['timeline.html', 'Timeline'], ['replay.html', 'Replay'], ['participation.html', 'Participation'], ['report.html', 'Report'],
        ...(may(account, p.projectId, 'MEMBER') ? [['record.html', 'Record']] : [])]
        .flatMap(([page, text], i) => [i ? ' · ' : '', el('a', { href: `${page}?project=${encodeURIComponent(p.projectId)}` }, text)])),
      may(account, p.projectId, 'COORDINATOR')
        ? el('a', { href: `/api/projects/${encodeURIComponent(p.projectId)}/events`, download: `${p.projectId}.jsonl` }, 'JSON Lines')
        : '–',
    ]),
  }));
}

/** The id the server would read from the title (ReadableIds): shown as the title is typed, until the person edits it. */
const readableId = (title) => title.normalize('NFD').replace(/[łŁøØđĐ]/g, (c) => ({ ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D' })[c])
  .replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const readableIdCut = (id) => (id.length <= 40 ? id : id.slice(0, id.lastIndexOf('-', 40) > 20 ? id.lastIndexOf('-', 40) : 40));
const idInput = createForm.querySelector('#new-projectId');
let idEdited = false;
idInput.addEventListener('input', () => { idEdited = idInput.value !== ''; });
createForm.querySelector('#new-title').addEventListener('input', (e) => {
  if (!idEdited) idInput.value = readableIdCut(readableId(e.target.value));
});

createForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(createForm);
  try {
    const recorded = await api('/api/projects', { method: 'POST', body: formValues(createForm) });
    say(`Project ${recorded.projectId} registered: next, its team.`, 'ok');
    // Its Team forms next: the record page reads the project from its events, so it is there at once.
    window.location.assign(`record.html?project=${encodeURIComponent(recorded.projectId)}#group-team`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors(createForm, error);
    say('The project was not registered: see the form.', 'error');
  }
});

importForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const file = importForm.querySelector('#import-input').files[0];
  const result = importForm.querySelector('#import-result');
  const progress = importForm.querySelector('#import-progress');
  if (!file) {
    showErrors(importForm, new ApiError(400, { errors: [{ field: 'file', message: 'Choose a file to import.' }] }));
    return;
  }
  clearErrors(importForm);
  result.replaceChildren(el('p', {}, `Sending ${file.name}…`));
  progress.hidden = false;
  progress.value = 0;
  // XMLHttpRequest rather than fetch: it reports upload progress.
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/import');
  xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
  xhr.setRequestHeader('Content-Type', 'application/x-ndjson');
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.upload.onprogress = (p) => { if (p.lengthComputable) progress.value = p.loaded / p.total; };
  xhr.upload.onload = () => { progress.removeAttribute('value'); result.replaceChildren(el('p', {}, 'Checking and storing…')); };
  xhr.onerror = () => { progress.hidden = true; result.replaceChildren(el('p', { class: 'status error', role: 'alert' }, 'The server could not be reached; nothing was imported.')); };
  xhr.onload = async () => {
    progress.hidden = true;
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch { body = { detail: xhr.responseText }; }
    if (xhr.status >= 200 && xhr.status < 300) {
      result.replaceChildren(el('p', { class: 'status ok', id: 'import-summary' },
        `Imported ${body.imported} events; ${body.alreadyPresent} were already present.`));
      importForm.reset();
      await showProjects();
      return;
    }
    const errors = body.errors || [];
    result.replaceChildren(
      el('p', { class: 'status error', role: 'alert', id: 'import-summary' },
        `Nothing was imported: ${errors.length ? `${errors.length} error${errors.length === 1 ? '' : 's'} in the file` : body.detail || body.title}.`),
      errors.length ? table({
        id: 'import-errors',
        caption: 'What is wrong, line by line',
        headers: ['Line', 'Field', 'Problem'],
        rows: errors.map((x) => [String(x.line ?? ''), x.field ?? '', x.message]),
      }) : null);
  };
  xhr.send(file);
});

showProjects().catch((e) => say(`Could not load the projects: ${e.message}`, 'error'));
