// Codebook: the team's codes as the record stood at a point in time (a tree: each code under the one
// it sits in, with what it means and how often it was given, by perspective and phase), Bales' IPA
// categories as the built-in group, and, for members, forms to define, revise, merge and retire codes.
import {
  el, shell, say, projectId, timeQuery, onTimeChange, api, me, may, memberIn, roleIn, onSubmit, localDay, label, table,
} from './common.js';

const project = projectId();
const main = shell({ page: 'codebook.html', title: 'Codebook', timeControls: true });
const path = `/api/projects/${encodeURIComponent(project)}/codebook`;
const STATUS = {
  DEFINED: 'Defined', FROM_USE: 'Given in codings, not yet defined', MERGED: 'Merged', RETIRED: 'Retired',
};

const body = el('div', { id: 'codebook' });
const forms = el('section', { id: 'change-codebook', 'aria-labelledby': 'change-codebook-heading', hidden: true });
main.append(
  el('p', { class: 'muted' }, 'The codes the team gives reflections and interviews. Each is kept as an event, so this is the codebook as it stood at the point in time above; a code given in codings and never defined is listed too, under its own words.'),
  body, forms);

/** "Service user 3, Academic 1": counts by key, largest first (or in the order given, for phases). */
function counts(byKey, word = label, ordered = false) {
  const entries = Object.entries(byKey || {});
  if (!ordered) entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.map(([key, n]) => `${word(key)} ${n}`).join(', ');
}

function statusOf(code, names) {
  if (code.status === 'MERGED') return `Merged into ${names.get(code.mergedInto) || code.mergedInto}`;
  return STATUS[code.status] || label(code.status);
}

function codesTable(codebook) {
  const names = new Map(codebook.codes.map((c) => [c.code, c.name]));
  if (!codebook.codes.length) return el('p', { id: 'no-codes' }, 'No code yet: none defined, none given in a coding by then.');
  return el('table', { id: 'codes', class: 'data', tabindex: '0' },
    el('caption', {}, `The team's codes (${codebook.codes.length}), each under the code it sits in`),
    el('thead', {}, el('tr', {}, ['Code', 'What it means', 'Status', 'Given', 'Counted here', 'By perspective', 'By phase']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, codebook.codes.map((c) => el('tr', {
      'data-code': c.code, 'data-depth': String(Math.min(c.depth, 3)), class: c.status === 'MERGED' || c.status === 'RETIRED' ? 'closed' : null,
    },
    el('th', { scope: 'row' },
      c.depth ? el('span', { class: 'visually-hidden' }, `Under ${names.get(c.parent) || c.parent}: `) : null,
      c.name, c.name !== c.code ? el('span', { class: 'key' }, c.code) : null),
    el('td', { class: 'meaning' }, c.description || ''),
    el('td', {}, statusOf(c, names)),
    el('td', { class: 'num' }, String(c.given)),
    el('td', { class: 'num' }, String(c.usage.reflections + c.usage.interviews)),
    el('td', {}, counts(c.usage.byPerspective)),
    el('td', {}, counts(c.usage.byPhase, (k) => k, true))))));
}

function ipaTable(codebook) {
  return table({
    id: 'ipa',
    caption: "Bales' Interaction Process Analysis: built in, read-only; meeting turns are coded with it",
    headers: ['Category', 'Number', 'Area', 'Turns coded'],
    rows: codebook.ipa.map((c) => [c.name, String(c.number), label(c.area), String(c.contributions)]),
  });
}

async function show(after = '') {
  say('Loading the codebook…');
  const [codebook, account] = await Promise.all([api(path, { query: timeQuery() }), me()]);
  const time = new URLSearchParams(timeQuery());
  const qdc = `${path}.qdc?${time}`;
  // The project's texts go to its own people only (the server refuses anyone else, the site administrator too).
  const qdpx = roleIn(account, project)
    ? el('a', {
      id: 'download-qdpx', class: 'button secondary', href: `/api/projects/${encodeURIComponent(project)}/export.qdpx?${time}`, download: `${project}.qdpx`,
    }, 'Download for QDA tools (.qdpx)')
    : null;
  body.replaceChildren(
    el('h2', {}, "The team's codes"),
    el('p', {}, el('a', { id: 'download-qdc', class: 'button secondary', href: qdc, download: `${project}-codebook.qdc` },
      'Download for NVivo, ATLAS.ti, MAXQDA or QualCoder (.qdc)'), qdpx ? ' ' : null, qdpx),
    qdpx ? el('p', { class: 'muted', id: 'qdpx-note' }, 'The .qdpx is a REFI-QDA project: these codes with the team\'s reflections and interview summaries as of the date above, coded as they were then, and your own private reflections; a member who withdrew consent is there by their pseudonym, without their words. QualCoder, NVivo, ATLAS.ti and MAXQDA import it as a new project.') : null,
    codesTable(codebook),
    el('h2', {}, 'Built in'), ipaTable(codebook));
  say(after);
  return codebook;
}

/** A select of the open codes (neither merged nor retired), with a first option when asked. */
function codeSelect(id, name, codes, first) {
  return el('select', { id, name },
    first ? el('option', { value: '' }, first) : null,
    codes.map((c) => el('option', { value: c.code }, c.name === c.code ? c.code : `${c.name} (${c.code})`)));
}

function dateInput(id) {
  return el('input', { type: 'date', id, name: 'occurredAt', value: new Date().toISOString().slice(0, 10) });
}

/** The forms that change the codebook, built from the codebook as it stands now. */
async function changeForms() {
  const account = await me();
  if (!may(account, project, 'MEMBER')) return;
  const now = await api(path);
  const open = now.codes.filter((c) => c.status === 'DEFINED' || c.status === 'FROM_USE');
  const reload = async (message) => { await show(message); await changeForms(); };
  // A recorder whose account is linked to no member here records a change in a member's name.
  let byWhom = null;
  if (!memberIn(account, project) && may(account, project, 'RECORDER')) {
    const team = await api(`/api/projects/${encodeURIComponent(project)}`);
    byWhom = el('select', { id: 'codebook-changed-by', name: 'changedBy' },
      team.members.filter((m) => m.active && !m.withdrawn).map((m) => el('option', { value: m.memberId }, m.name)));
  }
  const post = (where, payload) => api(`${path}/${where}`, {
    method: 'POST', body: { ...payload, changedBy: byWhom ? byWhom.value : undefined },
  });
  const when = (input) => (input.value ? localDay(input.value) : undefined);

  // Define
  const key = el('input', { id: 'define-code', name: 'code', autocomplete: 'off' });
  const name = el('input', { id: 'define-name', name: 'name' });
  const meaning = el('textarea', { id: 'define-description', name: 'description', rows: 3 });
  const parent = codeSelect('define-parent', 'parent', open, 'At the top');
  const defineDate = dateInput('define-date');
  const define = el('form', { id: 'define-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Define a code'),
    el('label', { for: key.id }, 'Code (as codings give it; it never changes)'), key,
    el('label', { for: name.id }, 'Name (shown; may change)'), name,
    el('label', { for: meaning.id }, 'What it means: when to give it, and when not'), meaning,
    el('label', { for: parent.id }, 'Sits under'), parent,
    el('label', { for: defineDate.id }, 'From'), defineDate,
    el('div', {}, el('button', { type: 'submit', id: 'define-save' }, 'Define the code')));
  onSubmit(define, () => post('codes', {
    code: key.value, name: name.value || undefined, description: meaning.value || undefined, parent: parent.value || undefined, occurredAt: when(defineDate),
  }), () => reload(`The code "${name.value || key.value}" is defined.`));

  // Revise
  const which = codeSelect('revise-code', 'code', open, 'Choose a code');
  const newName = el('input', { id: 'revise-name', name: 'name' });
  const newMeaning = el('textarea', { id: 'revise-description', name: 'description', rows: 3 });
  const newParent = codeSelect('revise-parent', 'parent', open, 'At the top');
  const reviseDate = dateInput('revise-date');
  which.addEventListener('change', () => {
    const c = now.codes.find((x) => x.code === which.value);
    newName.value = c ? c.name : '';
    newMeaning.value = c ? (c.description || '') : '';
    newParent.value = c && c.parent ? c.parent : '';
  });
  const revise = el('form', { id: 'revise-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Rename, describe or move a code'),
    el('label', { for: which.id }, 'Code'), which,
    el('label', { for: newName.id }, 'Name'), newName,
    el('label', { for: newMeaning.id }, 'What it means'), newMeaning,
    el('label', { for: newParent.id }, 'Sits under'), newParent,
    el('label', { for: reviseDate.id }, 'From'), reviseDate,
    el('div', {}, el('button', { type: 'submit', id: 'revise-save' }, 'Save the code')));
  onSubmit(revise, () => post('revisions', {
    code: which.value || undefined, name: newName.value || undefined, description: newMeaning.value || undefined, parent: newParent.value || undefined, occurredAt: when(reviseDate),
  }), () => reload(`The code "${newName.value || which.value}" is saved.`));

  // Merge
  const merged = el('fieldset', { class: 'checks', id: 'merge-codes', name: 'codes' }, el('legend', {}, 'Merge these codes'),
    open.map((c, i) => el('label', { for: `merge-code-${i}` },
      el('input', { type: 'checkbox', name: 'codes', value: c.code, id: `merge-code-${i}` }), ` ${c.name}`)));
  const into = codeSelect('merge-into', 'into', open, 'Choose a code');
  const mergeDate = dateInput('merge-date');
  const merge = el('form', { id: 'merge-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Merge codes'),
    el('p', { class: 'muted' }, 'From the date on, each counts as the code merged into and is not given any more; its codings stay as they were.'),
    merged,
    el('label', { for: into.id }, 'Into'), into,
    el('label', { for: mergeDate.id }, 'From'), mergeDate,
    el('div', {}, el('button', { type: 'submit', id: 'merge-save' }, 'Merge')));
  onSubmit(merge, () => post('merges', {
    codes: [...merge.querySelectorAll('input[name="codes"]:checked')].map((c) => c.value), into: into.value || undefined, occurredAt: when(mergeDate),
  }), () => reload('The codes are merged.'));

  // Retire
  const retiring = codeSelect('retire-code', 'code', open, 'Choose a code');
  const reason = el('textarea', { id: 'retire-reason', name: 'reason', rows: 2 });
  const retireDate = dateInput('retire-date');
  const retire = el('form', { id: 'retire-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Retire a code'),
    el('label', { for: retiring.id }, 'Code'), retiring,
    el('label', { for: reason.id }, 'Why (kept in the record)'), reason,
    el('label', { for: retireDate.id }, 'From'), retireDate,
    el('div', {}, el('button', { type: 'submit', id: 'retire-save' }, 'Retire the code')));
  onSubmit(retire, () => post('retirements', {
    code: retiring.value || undefined, reason: reason.value || undefined, occurredAt: when(retireDate),
  }), () => reload('The code is retired.'));

  // Bring in a codebook from another tool
  const upload = el('input', { type: 'file', id: 'import-file', name: 'file', accept: '.qdc,.xml,application/xml' });
  const importDate = dateInput('import-date');
  const bringIn = el('form', { id: 'import-form', class: 'stacked', novalidate: true },
    el('h3', {}, 'Bring in a codebook (.qdc)'),
    el('p', { class: 'muted' }, 'A REFI-QDA codebook from NVivo, ATLAS.ti, MAXQDA or QualCoder: its new codes are defined and those it words differently revised, all or none. Nothing is removed.'),
    el('label', { for: upload.id }, 'Codebook file'), upload,
    el('label', { for: importDate.id }, 'From'), importDate,
    el('div', {}, el('button', { type: 'submit', id: 'import-save' }, 'Bring it in')));
  let brought = null;
  onSubmit(bringIn, async () => {
    const file = upload.files[0];
    brought = await api(`${path}.qdc`, {
      method: 'POST',
      body: file ? await file.text() : '',
      headers: { 'Content-Type': 'application/xml' },
      query: { occurredAt: when(importDate), changedBy: byWhom ? byWhom.value : undefined },
    });
  }, () => reload(`The codebook is brought in: ${brought.defined} codes defined, ${brought.revised} revised, ${brought.unchanged} already so.`));

  forms.hidden = false;
  forms.replaceChildren(...[
    el('h2', { id: 'change-codebook-heading' }, 'Change the codebook'),
    el('p', { class: 'muted' }, byWhom
      ? 'Each change is recorded in the name of the member chosen here, from the day given; the codebook before it stays in the record.'
      : 'Each change is recorded in your name, from the day you give; the codebook before it stays in the record.'),
    byWhom ? el('p', { class: 'stacked' }, el('label', { for: byWhom.id }, 'In the name of'), byWhom) : null,
    el('div', { class: 'codebook-forms' }, define, revise, merge, retire, bringIn),
  ].filter(Boolean));
}

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  show().then(() => changeForms());
  onTimeChange(() => show());
}
