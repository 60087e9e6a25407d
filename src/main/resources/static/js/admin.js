// Accounts (the site administrator): create an account, list them, the whole audit trail.
import { api, el, shell, say, showErrors, clearErrors, formValues, label, table, ApiError, dateTime, auditDetail } from './common.js';

const main = shell({ page: 'admin.html', title: 'Accounts' });

const create = el('form', { class: 'stacked', id: 'account-form', novalidate: true },
  el('label', { for: 'account-username' }, 'Username'), el('input', { id: 'account-username', name: 'username', autocomplete: 'off' }),
  el('label', { for: 'account-displayName' }, 'Name shown'), el('input', { id: 'account-displayName', name: 'displayName' }),
  el('label', { for: 'account-email' }, 'E-mail (optional; matches a sign-in through the organisation\'s identity provider)'),
  el('input', { id: 'account-email', name: 'email', type: 'email' }),
  el('label', { for: 'account-password' }, 'Password (at least 12 characters; tell it to the person, who can then make a token)'),
  el('input', { id: 'account-password', name: 'password', type: 'password', autocomplete: 'new-password' }),
  el('div', {}, el('button', { type: 'submit' }, 'Create the account')));
create.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(create);
  const v = formValues(create);
  try {
    await api('/api/accounts', { method: 'POST', body: v });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors(create, error);
    return;
  }
  create.reset();
  // As on the record page: the list first, then the word that it is done, whatever reading it gives.
  try {
    await render();
  } finally {
    say(`Account ${v.username} created. A project's coordinator can now give it a role.`, 'ok');
  }
});
main.append(el('h2', {}, 'Create an account'), create, el('div', { id: 'accounts' }));

async function render() {
  const [accounts, audit] = await Promise.all([api('/api/accounts'), api('/api/audit')]);
  document.getElementById('accounts').replaceChildren(
    table({ caption: 'Accounts', id: 'account-list', headers: ['Username', 'Name', 'E-mail', 'Site role', 'Created'],
      rows: accounts.map((a) => [a.username, a.displayName, a.email || '', a.siteAdmin ? 'Administrator' : '', dateTime(a.createdAt)]) }),
    el('h2', {}, 'Audit trail'),
    table({ caption: 'Newest first', id: 'audit', headers: ['When (UTC)', 'Who', 'What', 'Project', 'Account', 'Detail'],
      rows: audit.map((a) => [dateTime(a.at), a.actor || 'the application', label(a.action), a.projectId || '', a.subject || '', auditDetail(a.detail)]) }));
}

render().catch((e) => say(e.status === 403 ? 'Only the site administrator manages accounts.' : e.message, 'error'));
