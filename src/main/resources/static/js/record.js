// Record the rest: phases, the team, decisions and reflections, one form per command. Every input
// is named as the API's field, so a refusal's message lands next to the input it concerns.
import { api, el, shell, say, showErrors, clearErrors, formValues, label, projectId, ApiError, me, may, memberIn, roleIn, knowNames, day, dateTime, localDay } from './common.js';

const project = projectId();
const main = shell({ page: 'record.html', title: 'Record' });
const base = `/api/projects/${encodeURIComponent(project)}`;

const ROLES = ['CHIEF_INVESTIGATOR', 'CO_INVESTIGATOR', 'RESEARCHER', 'SERVICE_USER_RESEARCHER', 'PEER_WORKER', 'ADVISORY_MEMBER', 'OBSERVER'];
const PERSPECTIVES = ['SERVICE_USER', 'CARER', 'CLINICIAN', 'ACADEMIC', 'PEER_WORKER', 'MANAGER', 'PUBLIC'];
const INFLUENCE_KINDS = ['PROPOSED', 'SUPPORTED', 'OPPOSED', 'AMENDED', 'EVIDENCED', 'LIVED_EXPERIENCE'];
const METHODS = ['CONSENSUS', 'VOTE', 'LEAD_DECIDED', 'DELEGATED', 'SERVICE_USER_LED'];

let overview = null;
let account = null;
/** The codebook's open codes ([code, name]), to pick from when coding. */
let codebookCodes = [];

/** The role each group of forms needs (the server refuses the rest; this only hides them). */
const NEEDS = { Phases: 'COORDINATOR', Team: 'COORDINATOR', Decisions: 'RECORDER', Reflections: 'MEMBER', Interviews: 'RECORDER' };

// --- small builders: every control labelled, ids unique per form ---
function field(form, name, text, control) {
  control.id = `${form}-${name}`;
  control.name = name;
  return [el('label', { for: control.id }, text), control];
}
const input = (form, name, text, attrs = {}) => field(form, name, text, el('input', attrs));
const area = (form, name, text) => field(form, name, text, el('textarea', { rows: 3 }));
const when = (form) => input(form, 'occurredAt', 'When (optional, default now)', { type: 'date' });
function choice(form, name, text, options, { optional = false } = {}) {
  return field(form, name, text, el('select', {},
    optional ? el('option', { value: '' }, '(none)') : null,
    options.map(([value, shown]) => el('option', { value }, shown))));
}
/** Checkboxes for a list field; the fieldset carries the field's name, so its error goes after it. */
function checks(form, name, text, options) {
  return [el('fieldset', { name, class: 'checks', id: `${form}-${name}` },
    el('legend', {}, text),
    options.map(([value, shown], i) => el('label', {},
      el('input', { type: 'checkbox', name, value, id: `${form}-${name}-${i}` }), ` ${shown}`)))];
}
const members = () => overview.members.map((m) => [m.memberId, `${m.name}${m.active ? '' : ' (left)'}`]);
/** Members who have not withdrawn consent (a withdrawn member is shown by pseudonym only). */
const consentingMembers = () => overview.members.filter((m) => !m.withdrawn).map((m) => [m.memberId, `${m.name}${m.active ? '' : ' (left)'}`]);
const activeMembers = () => overview.members.filter((m) => m.active).map((m) => [m.memberId, m.name]);
const decisions = (filter = () => true) => overview.decisions.filter(filter).map((d) => [d.decisionId, `${d.title} (${label(d.status)})`]);
const enumOptions = (values) => values.map((v) => [v, label(v)]);
/** The codes a coding form sends: those picked from the codebook, then any others typed (comma-separated). */
const givenCodes = (v) => [...new Set([].concat(v.fromCodebook || [],
  String(v.codes || '').split(',').map((c) => c.trim()).filter(Boolean)))];
const withCodes = (v) => {
  const { fromCodebook, ...rest } = v;
  return { ...rest, codes: givenCodes(v) };
};
/** The codebook's codes as checkboxes (none when the codebook is empty), and a field for others. */
function codeControls(form, otherText) {
  return [
    codebookCodes.length ? checks(form, 'fromCodebook', 'Codes from the codebook', codebookCodes) : [],
    input(form, 'codes', otherText),
  ];
}
async function loadCodebook() {
  try {
    const codebook = await api(`${base}/codebook`);
    codebookCodes = codebook.codes.filter((c) => c.status === 'DEFINED' || c.status === 'FROM_USE')
      .map((c) => [c.code, c.depth ? `${c.name} (under ${codebook.codes.find((p) => p.code === c.parent)?.name || c.parent})` : c.name]);
  } catch (e) {
    codebookCodes = [];
  }
}

/**
 * A form for one command. path(values) answers the URL; body(values) the JSON (the values as they
 * are by default); lists name the fields always sent as arrays. A confirmation is a box to tick
 * before anything is sent, saying what cannot be undone; check(values) answers what the form itself
 * refuses before sending ([{field, message}]).
 */
function form({ id, title, help, controls, submit, path, body = (v) => v, lists = [], done, confirmation, check = () => [] }) {
  const confirm = confirmation
    ? el('label', { class: 'confirmation' }, el('input', { type: 'checkbox', name: 'confirmed', id: `${id}-confirmed`, value: 'yes' }), ` ${confirmation}`)
    : null;
  const f = el('form', { class: 'stacked', id, novalidate: true }, help ? el('p', { class: 'hint' }, help) : null, controls.flat(2), confirm, el('div', {}, el('button', { type: 'submit' }, submit)));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(f);
    const values = formValues(f);
    for (const list of lists) values[list] = [].concat(values[list] || []);
    if (confirmation && !values.confirmed) {
      showErrors(f, new ApiError(400, { title: 'Not recorded', errors: [{ field: 'confirmed', message: 'Tick the box to confirm: this cannot be undone.' }] }));
      f.querySelector('[name="confirmed"]').focus();
      return;
    }
    delete values.confirmed;
    if (/^\d{4}-\d{2}-\d{2}$/.test(values.occurredAt || '')) values.occurredAt = localDay(values.occurredAt);
    const problems = check(values);
    if (problems.length) {
      showErrors(f, new ApiError(400, { title: 'Not recorded', errors: problems }));
      f.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    let recorded;
    try {
      recorded = await api(path(values), { method: 'POST', body: body(values) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(f, error);
      say(`${title}: not recorded, see the form.`, 'error');
      f.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    f.reset();
    // The lists are brought up to date before the page says it is done, and a failure to read them
    // again does not turn what was recorded into "not recorded".
    try {
      await refresh();
    } finally {
      say(done(values, recorded), 'ok');
    }
  });
  return el('section', { class: 'record-form', 'aria-labelledby': `${id}-heading` }, el('h3', { id: `${id}-heading` }, title), f);
}
/** A member's name as the project holds it (their pseudonym once withdrawn), or the id for one it does not know. */
const memberName = (id) => overview.members.find((m) => m.memberId === id)?.name || id;

/**
 * Evidence for an influence, picked by who and when, never typed as an id: a meeting (newest first),
 * then one of its turns (time, who, what kind); or a reflection the team may read (author, day, its
 * first words). The turns are read when a meeting is chosen, the reflections once per load.
 */
function evidencePicker(form) {
  const meetings = [...overview.meetings].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const [meetingLabel, meeting] = choice(form, 'evidenceMeeting', 'Evidence: a turn in the meeting (optional)',
    meetings.map((m) => [m.meetingId, `${m.title}, ${day(m.occurredAt)}`]), { optional: true });
  const [turnLabel, turn] = choice(form, 'contributionId', 'The turn', [], { optional: true });
  meeting.addEventListener('change', async () => {
    const wanted = turn.value;
    turn.replaceChildren(el('option', { value: '' }, '(none)'));
    const held = overview.meetings.find((m) => m.meetingId === meeting.value);
    if (!held) return;
    const next = new Date(Date.parse(held.occurredAt) + 86400000).toISOString().slice(0, 10);
    const turns = await api(`${base}/timeline`, { query: { type: 'ContributionRecorded', from: held.occurredAt, to: next, size: 1000 } });
    turn.append(...turns.entries.filter((e) => e.data.meetingId === held.meetingId)
      .map((e) => el('option', { value: e.data.contributionId, selected: e.data.contributionId === wanted },
        `${dateTime(e.occurredAt).slice(11)} ${memberName(e.data.memberId)}: ${label(e.data.category)}`)));
  });
  return [meetingLabel, meeting, turnLabel, turn, reflectionChoice(form, 'Evidence: a reflection (optional)', { optional: true })];
}
/** A reflection the account may read, picked by its author, day and first words (filled once they are read). */
function reflectionChoice(form, text, { optional = false } = {}) {
  const [reflectionLabel, reflection] = choice(form, 'reflectionId', text, [], { optional });
  reflections.then((entries) => {
    const live = document.getElementById(reflection.id) || reflection;
    const wanted = live.value;
    live.replaceChildren(...(optional ? [el('option', { value: '' }, '(none)')] : []), ...entries.map((e) => el('option', { value: e.data.reflectionId, selected: e.data.reflectionId === wanted },
      `${memberName(e.data.authorId)}, ${day(e.occurredAt)}${e.data.text ? `: ${e.data.text.slice(0, 60)}${e.data.text.length > 60 ? '…' : ''}` : ''}`)));
  }).catch(() => {});
  return [reflectionLabel, reflection];
}
/** The reflections the account may read, newest first; read again after each recorded form. */
let reflections = Promise.resolve([]);
const readReflections = () => {
  reflections = api(`${base}/timeline`, { query: { type: 'ReflectionWritten', size: 1000 } })
    .then((page) => page.entries.filter((e) => e.data.text !== undefined || e.data.visibility !== 'PRIVATE').reverse());
};

/** The body without the fields that travel in the path. */
const without = (...names) => (v) => Object.fromEntries(Object.entries(v).filter(([k]) => !names.includes(k)));

/**
 * A role picked from the list by its name ("Service user researcher"), or "Other…" and written in
 * words ("Lay advisor"), which is sent as the contract's upper-case word (LAY_ADVISOR).
 */
function roleChoice(form, text) {
  const [roleLabel, select] = choice(form, 'role', text, [...enumOptions(ROLES), ['OTHER', 'Other…']]);
  const [otherLabel, other] = input(form, 'roleOther', 'Other role, in words');
  const shown = () => { otherLabel.hidden = other.hidden = select.value !== 'OTHER'; };
  select.addEventListener('change', shown);
  shown();
  return [roleLabel, select, otherLabel, other];
}
const roleWord = (words) => (words || '').trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
/** The body with the role chosen: the listed one, or the other written in words. */
const withRole = (body = (v) => v) => (v) => {
  const { roleOther, ...rest } = v;
  return body(rest.role === 'OTHER' ? { ...rest, role: roleWord(roleOther) || undefined } : rest);
};
const enc = encodeURIComponent;

/**
 * The perspectives as boxes to tick, and which of them is the primary one (the one the figures count
 * the member's contributions under) as a choice of its own among those ticked: chosen by the person,
 * never by the order of the boxes. With one ticked, that one is the primary.
 */
function perspectivesChoice(form, text) {
  const [fieldset] = checks(form, 'perspectives', text, enumOptions(PERSPECTIVES));
  const [primaryLabel, primary] = choice(form, 'primaryPerspective', 'Primary perspective (the one the figures count)', []);
  let chosen = false; // by the person: the one box ticked so far is no choice
  primary.addEventListener('change', () => { chosen = primary.value !== ''; });
  const shown = () => {
    const ticked = [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
    const kept = chosen && ticked.includes(primary.value) ? primary.value : '';
    chosen = kept !== '';
    primary.replaceChildren(
      ticked.length > 1 ? el('option', { value: '' }, 'Choose one…') : null,
      ...ticked.map((value) => el('option', { value }, label(value))));
    primary.value = kept || (ticked.length === 1 ? ticked[0] : '');
    primaryLabel.hidden = primary.hidden = ticked.length < 2;
  };
  fieldset.addEventListener('change', shown);
  queueMicrotask(() => fieldset.closest('form')?.addEventListener('reset', () => { chosen = false; setTimeout(shown); }));
  shown();
  return [fieldset, primaryLabel, primary];
}
/** With two or more perspectives ticked, the form asks which is the primary one before sending. */
const primaryChosen = (v) => ((v.perspectives || []).length > 1 && !v.primaryPerspective
  ? [{ field: 'primaryPerspective', message: 'Choose which of the ticked perspectives is the primary one.' }]
  : []);
/** The body with the perspectives listed primary first, as the contract counts them. */
const withPrimary = (body = (v) => v) => (v) => {
  const { primaryPerspective, ...rest } = v;
  const list = rest.perspectives || [];
  const first = list.includes(primaryPerspective) ? primaryPerspective : list[0];
  return body({ ...rest, perspectives: first ? [first, ...list.filter((p) => p !== first)] : list });
};

/** The forms the signed-in account may use. */
function forms() {
  return allForms().filter(([group]) => may(account, project, NEEDS[group]));
}

/** Authors and coders: anyone for a recorder (transcribing a paper diary), else only the account's own member. */
function selfOr(all) {
  if (may(account, project, 'RECORDER')) return all;
  const self = memberIn(account, project);
  return all.filter(([id]) => id === self);
}

function allForms() {
  return [
    ['Phases', [
      form({
        id: 'start-phase', title: 'Start a phase', help: 'The current phase ends when the next starts.', submit: 'Start the phase',
        controls: [input('start-phase', 'name', 'Name'), input('start-phase', 'phaseId', 'Phase id (optional)'), when('start-phase')],
        path: () => `${base}/phases`, done: (v) => `Phase ${v.name} started.`,
      }),
      form({
        id: 'close-project', title: 'Close the project', submit: 'Close the project',
        help: 'The last phase ends here. The record stays readable, reports and all; nothing more can be recorded in it.',
        confirmation: 'I understand nothing more can be recorded in this project once it is closed.',
        controls: [when('close-project')],
        path: () => `${base}/closure`, done: () => 'The project is closed.',
      }),
    ]],
    ['Team', [
      form({
        id: 'join-member', title: 'A member joins', submit: 'Add to the team', lists: ['perspectives'],
        controls: [input('join-member', 'name', 'Name'), input('join-member', 'memberId', 'Member id (optional)'),
          roleChoice('join-member', 'Role'),
          perspectivesChoice('join-member', 'Perspectives'), when('join-member')],
        path: () => `${base}/members`, body: withRole(withPrimary()), check: primaryChosen, done: (v) => `${v.name} joined the team.`,
      }),
      form({
        id: 'change-role', title: 'Role or perspectives change', submit: 'Record the change', lists: ['perspectives'],
        controls: [choice('change-role', 'memberId', 'Member', activeMembers()), roleChoice('change-role', 'Role from now on'),
          perspectivesChoice('change-role', 'Perspectives from now on'), when('change-role')],
        path: (v) => `${base}/members/${enc(v.memberId || '-')}/role`, body: withRole(withPrimary(without('memberId'))), check: primaryChosen,
        done: () => 'The change is recorded.',
      }),
      form({
        id: 'member-left', title: 'A member leaves', submit: 'Record the departure',
        controls: [choice('member-left', 'memberId', 'Member', activeMembers()), when('member-left')],
        path: (v) => `${base}/members/${enc(v.memberId || '-')}/departure`, body: without('memberId'), done: () => 'The departure is recorded.',
      }),
      form({
        id: 'withdraw-consent', title: 'A member withdraws consent', submit: 'Record the withdrawal',
        help: 'Their name, diary reflections, interview summaries and the notes on their turns and influences become unreadable for everyone, for good, and nothing more can be recorded about them. Choose whether what they did stays counted, under a pseudonym such as “Withdrawn member 1”, or leaves every figure and list too.',
        controls: [choice('withdraw-consent', 'memberId', 'Member', consentingMembers()),
          choice('withdraw-consent', 'scope', 'What is withdrawn', [
            ['TEXT', 'Their words and name: what they did stays counted, under a pseudonym'],
            ['ALL', 'Everything: they also leave every figure and list']]),
          input('withdraw-consent', 'occurredAt', 'Effective from (optional, default today)', { type: 'date' })],
        confirmation: 'I understand this cannot be undone: not by me, not by an administrator.',
        path: (v) => `${base}/members/${enc(v.memberId || '-')}/consent-withdrawal`, body: without('memberId'),
        done: (v, r) => (v.scope === 'ALL'
          ? `The withdrawal is recorded; ${r.pseudonym} is left out of every figure and list from now on.`
          : `The withdrawal is recorded; the member is shown as ${r.pseudonym} from now on.`),
      }),
    ]],
    ['Decisions', [
      form({
        id: 'propose-decision', title: 'Propose a decision', submit: 'Record the proposal',
        controls: [input('propose-decision', 'title', 'What is proposed'), choice('propose-decision', 'proposedBy', 'Proposed by', activeMembers()),
          input('propose-decision', 'decisionId', 'Decision id (optional)'), when('propose-decision')],
        path: () => `${base}/decisions`, done: (v) => `Proposed: ${v.title}.`,
      }),
      form({
        id: 'record-influence', title: 'Record an influence', submit: 'Record the influence',
        controls: [choice('record-influence', 'decisionId', 'Decision', decisions()), choice('record-influence', 'memberId', 'Who', members()),
          choice('record-influence', 'kind', 'How', enumOptions(INFLUENCE_KINDS)), area('record-influence', 'note', 'Note (optional)'),
          evidencePicker('record-influence'), when('record-influence')],
        path: (v) => `${base}/decisions/${enc(v.decisionId || '-')}/influences`, body: without('decisionId', 'evidenceMeeting'), done: () => 'The influence is recorded.',
      }),
      form({
        id: 'make-decision', title: 'Make a decision', submit: 'Record the decision', lists: ['decidedBy'],
        controls: [choice('make-decision', 'decisionId', 'Decision', decisions((d) => d.status === 'PROPOSED')), area('make-decision', 'outcome', 'Outcome'),
          choice('make-decision', 'method', 'Method', enumOptions(METHODS)), checks('make-decision', 'decidedBy', 'Decided by', activeMembers()), when('make-decision')],
        path: (v) => `${base}/decisions/${enc(v.decisionId || '-')}/outcome`, body: without('decisionId'), done: () => 'The decision is recorded.',
      }),
      form({
        id: 'revise-decision', title: 'Revise a decision', submit: 'Record the revision',
        controls: [choice('revise-decision', 'decisionId', 'Decision', decisions((d) => d.status !== 'PROPOSED')), area('revise-decision', 'outcome', 'Outcome from now on'),
          area('revise-decision', 'reason', 'Why it changed'), when('revise-decision')],
        path: (v) => `${base}/decisions/${enc(v.decisionId || '-')}/revisions`, body: without('decisionId'), done: () => 'The revision is recorded.',
      }),
    ]],
    ['Reflections', [
      form({
        id: 'write-reflection', title: 'Write a reflection', submit: 'Record the reflection',
        help: 'A private reflection is readable only by its author; the team sees it counted, never its text.',
        controls: [choice('write-reflection', 'authorId', 'Author', selfOr(activeMembers())), area('write-reflection', 'text', 'Reflection'),
          choice('write-reflection', 'visibility', 'Who may read it', [['PRIVATE', 'Private: its author only'], ['TEAM', 'The team']]),
          choice('write-reflection', 'decisionId', 'About a decision (optional)', decisions(), { optional: true }),
          choice('write-reflection', 'meetingId', 'About a meeting (optional)', overview.meetings.map((m) => [m.meetingId, m.title]), { optional: true }),
          input('write-reflection', 'reflectionId', 'Reflection id (optional)'), when('write-reflection'),
          may(account, project, 'RECORDER')
            ? [el('label', { for: 'write-reflection-transcribed' },
              el('input', { type: 'checkbox', id: 'write-reflection-transcribed', name: 'transcribed', value: 'true' }),
              ' I am transcribing this member\'s paper diary (needed when the author is not you)')]
            : []],
        path: () => `${base}/reflections`,
        body: (v) => ({ ...v, transcribed: v.transcribed === 'true' }),
        done: (v, r) => `Reflection ${r.id} recorded.`,
      }),
      form({
        id: 'code-reflection', title: 'Code a reflection', submit: 'Record the codes',
        help: 'Pick codes from the team\'s codebook (see the Codebook page), or type others: a code typed here joins the codebook as given.',
        controls: [reflectionChoice('code-reflection', 'Reflection'), codeControls('code-reflection', 'Other codes (comma-separated themes)'),
          choice('code-reflection', 'codedBy', 'Coded by', selfOr(activeMembers())), when('code-reflection')],
        path: (v) => `${base}/reflections/${enc(v.reflectionId || '-')}/codes`,
        body: (v) => withCodes(without('reflectionId')(v)),
        done: () => 'The codes are recorded.',
      }),
    ]],
    ['Interviews', [
      form({
        id: 'record-interview', title: 'Record an interview', submit: 'Record the interview',
        help: 'The summary is personal text, kept sealed under the interviewee’s key like their diary.',
        controls: [choice('record-interview', 'intervieweeId', 'Interviewee', consentingMembers()),
          choice('record-interview', 'interviewerId', 'Interviewer (optional)', consentingMembers(), { optional: true }),
          area('record-interview', 'summary', 'Summary'), codeControls('record-interview', 'Other codes (comma-separated themes, optional)'),
          when('record-interview')],
        path: () => `${base}/interviews`,
        body: withCodes,
        done: () => 'The interview is recorded.',
      }),
    ]],
  ];
}

/** A closed project records nothing more: said once, instead of forms that would be refused. */
function closedNotice() {
  return el('p', { id: 'project-closed', class: 'status info' },
    `“${overview.title}” was closed on ${day(overview.closedAt)}: nothing more can be recorded in it. Its record stays on the `,
    el('a', { href: `timeline.html?project=${enc(project)}` }, 'timeline'), ' and in its ',
    el('a', { href: `report.html?project=${enc(project)}` }, 'report'), '.');
}

function render() {
  main.querySelector('#record-forms')?.remove();
  main.append(el('div', { id: 'record-forms' },
    el('nav', { 'aria-label': 'Forms on this page', class: 'toc' }, el('ul', {},
      forms().map(([group]) => el('li', {}, el('a', { href: `#group-${group.toLowerCase()}` }, group))))),
    forms().map(([group, sections]) => el('section', { id: `group-${group.toLowerCase()}`, 'aria-labelledby': `group-${group.toLowerCase()}-heading` },
      el('h2', { id: `group-${group.toLowerCase()}-heading` }, group), el('div', { class: 'forms' }, sections)))));
}

/** Reloads the project, so the pickers know what was just recorded; keeps a refused form as it was. */
async function refresh() {
  overview = await api(base);
  await loadCodebook();
  knowNames(overview);
  readReflections();
  if (overview.closedAt) {
    main.querySelector('#record-forms')?.replaceWith(closedNotice());
    return;
  }
  // The pickers are rebuilt in place: forms keep what was typed into them.
  const fresh = document.createElement('div');
  fresh.append(...forms().flatMap(([, sections]) => sections));
  for (const select of document.querySelectorAll('#record-forms select')) {
    const replacement = fresh.querySelector(`#${CSS.escape(select.id)}`);
    if (replacement) {
      const before = select.value;
      select.replaceChildren(...replacement.children);
      // Moved options keep no choice of their own: the one before, if still offered, else the first.
      select.value = [...select.options].some((o) => o.value === before) ? before : (select.options[0]?.value ?? '');
      // What hangs on the choice (a role's "Other…" field) follows the option now selected.
      select.dispatchEvent(new Event('change'));
    }
  }
  for (const set of document.querySelectorAll('#record-forms fieldset.checks')) {
    const replacement = fresh.querySelector(`#${CSS.escape(set.id)}`);
    if (replacement) set.replaceChildren(...replacement.childNodes);
  }
}

if (!project) {
  main.append(el('p', {}, 'Choose a project on the ', el('a', { href: 'index.html' }, 'projects page'), ' first.'));
} else {
  Promise.all([api(base), me(), loadCodebook()]).then(([o, m]) => {
    overview = o;
    knowNames(o);
    readReflections();
    account = m;
    if (o.closedAt) {
      main.append(closedNotice());
      return;
    }
    if (!forms().length) {
      main.append(el('p', { id: 'nothing-to-record' }, `As ${label(roleIn(m, project) || 'VIEWER').toLowerCase()} of “${o.title}” you see its views and reports; recording needs a role from its coordinators.`));
      return;
    }
    main.append(el('p', {}, `Recording for “${o.title}”. Each form records one event; a correction is a new event, never an edit. Meetings and their turns are recorded on `,
      el('a', { href: `meeting.html?project=${enc(project)}` }, 'Record a meeting'), '.'));
    render();
    // A link to one group of forms (#group-team, from registering a project) is followed once they exist.
    if (window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }).catch((e) => say(`Could not load the project: ${e.message}`, 'error'));
}
