// Team and access (coordinators and the site administrator): who has which role in the project and
// which member each account is; give an existing account a role, change it, revoke it; the audit trail.
import { api, el, shell, say, showErrors, clearErrors, formValues, label, projectId, table, ApiError, me, dateTime, auditDetail } from './common.js';

const project = projectId();
const main = shell({ page: 'access.html', title: 'Team and access' });
const base = `/api/projects/${encodeURIComponent(project)}`;
const ROLES = [
  ['VIEWER', 'Viewer: sees the views and reports'],
  ['MEMBER', 'Member: also writes and codes their own reflections'],
  ['RECORDER', 'Recorder: also records meetings, decisions, influences, interviews, corrections'],
  ['COORDINATOR', 'Coordinator: also manages the team, access, phases and closing'],
];

async function render() {
  const [overview, grants, audit] = await Promise.all([api(base), api(`${base}/access`), api(`${base}/access/audit`)]);
  const names = Object.fromEntries(overview.members.map((m) => [m.memberId, m.name]));
  const linked = new Set(grants.map((g) => g.memberId).filter(Boolean));

  const grantForm = el('form', { class: 'stacked', id: 'grant-form', novalidate: true },
    el('label', { for: 'grant-username' }, 'Account (username)'),
    el('input', { id: 'grant-username', name: 'username', autocomplete: 'off' }),
    el('label', { for: 'grant-role' }, 'Role'),
    el('select', { id: 'grant-role', name: 'role' }, ROLES.map(([v, t]) => el('option', { value: v }, t))),
    el('label', { for: 'grant-member' }, 'Is this member of the team (optional: who "I" am when writing reflections)'),
    el('select', { id: 'grant-member', name: 'memberId' }, el('option', { value: '' }, '(no member)'),
      overview.members.map((m) => el('option', { value: m.memberId }, `${m.name}${linked.has(m.memberId) ? ' (linked)' : ''}`))),
    el('div', {}, el('button', { type: 'submit' }, 'Give this role')));
  grantForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(grantForm);
    const v = formValues(grantForm);
    try {
      await api(`${base}/access/${encodeURIComponent(v.username || '-')}`, { method: 'PUT', body: { role: v.role, memberId: v.memberId || null } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(grantForm, error);
      return;
    }
    // As on the record page: the lists first, then the word that it is done, whatever reading them gives.
    try {
      await render();
    } finally {
      say(`${v.username} is now ${label(v.role).toLowerCase()} of this project.`, 'ok');
    }
  });

  const rows = grants.map((g) => [
    g.username, label(g.role), g.memberId ? (names[g.memberId] || g.memberId) : '–', dateTime(g.grantedAt), g.grantedBy || 'the application',
    el('button', { type: 'button', class: 'secondary', 'data-username': g.username, onclick: async () => {
      if (!confirm(`Revoke ${g.username}'s role in this project?`)) return;
      try {
        await api(`${base}/access/${encodeURIComponent(g.username)}`, { method: 'DELETE' });
      } catch (error) {
        say(error.message, 'error');
        return;
      }
      try {
        await render();
      } finally {
        say(`${g.username} no longer has a role in this project.`, 'ok');
      }
    } }, 'Revoke'),
  ]);

  main.querySelector('#access')?.remove();
  main.append(el('div', { id: 'access' },
    el('p', {}, `Who may use “${overview.title}”, and which member of its team each account is. Accounts themselves are created by the site administrator.`),
    table({ caption: 'Accounts with a role here', headers: ['Account', 'Role', 'Member', 'Since', 'Given by', ''], rows, id: 'grants' }),
    el('h2', {}, 'Give an account a role (or change it)'), grantForm,
    el('h2', {}, 'Audit trail'),
    table({ caption: 'Newest first', id: 'audit', headers: ['When (UTC)', 'Who', 'What', 'Account', 'Detail'],
      rows: audit.map((a) => [dateTime(a.at), a.actor || 'the application', label(a.action), a.subject || '', auditDetail(a.detail, names)]) })));
}

if (!project) {
  say('Choose a project on the Projects page first.', 'error');
} else {
  me().then(() => render()).catch((e) => say(`Could not load the project's access: ${e.message}`, 'error'));
}
