// The login page: posts the form with the CSRF token from its cookie, says why a sign-in failed, and
// offers the identity providers configured (OpenID Connect). Shows no data, so it needs no sign-in.
import { el, csrfToken } from './common.js';

const form = document.getElementById('login-form');
const status = document.getElementById('status');
const query = new URLSearchParams(location.search);

const MESSAGES = {
  failed: 'That username and password do not match an account. Try again.',
  slowed: 'Too many failed sign-ins for this account: wait a moment, then try again.',
};
if (query.has('error')) {
  status.className = 'status error';
  status.setAttribute('role', 'alert');
  status.textContent = MESSAGES[query.get('error')] || 'The sign-in did not work. Try again.';
} else if (query.has('signedOut')) {
  status.className = 'status ok';
  status.textContent = 'You have signed out.';
} else if (query.has('expired')) {
  status.textContent = 'Your session ended: sign in again to carry on where you were.';
}

form.addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});

fetch('api/sign-in/options', { headers: { Accept: 'application/json' } })
  .then((r) => (r.ok ? r.json() : []))
  .then((providers) => {
    if (!providers.length) return;
    document.getElementById('providers').append(el('p', {}, 'Or sign in with your organisation:'),
      el('ul', {}, providers.map((p) => el('li', {}, el('a', { class: 'button secondary', href: p.url }, p.name)))));
  })
  .catch(() => {});
