// The explorer's entry: hash routes (#/, #/block/<h>, #/tx/<hash>, #/account/<address>,
// #/search/<query>) to page modules, the search box, the "node does not answer" banner and the
// live indicator. Each route change ends the previous page's subscriptions and timers.

import { live, onReachability, NodeDownError, RpcError } from './api.js';
import { h, refreshAgo } from './format.js';
import { Scope } from './page.js';
import * as dashboard from './pages/dashboard.js';
import * as block from './pages/block.js';
import * as tx from './pages/tx.js';
import * as account from './pages/account.js';
import * as search from './pages/search.js';

const ROUTES = [
  { pattern: /^\/?$/, kind: 'dashboard', page: dashboard },
  { pattern: /^\/block\/([^/]+)\/?$/, kind: 'block', page: block },
  { pattern: /^\/tx\/([^/]+)\/?$/, kind: 'tx', page: tx },
  { pattern: /^\/account\/([^/]+)\/?$/, kind: 'account', page: account },
  { pattern: /^\/search\/(.*)$/, kind: 'search', page: search },
];
const RETRY_MS = 5000;

const pageEl = document.getElementById('page');
const errorEl = document.getElementById('error');
let current = null;

/** Shows the page of the current hash. attempt > 0 retries a page the node did not answer for (its notice stays). */
function route(attempt = 0) {
  if (current) {
    current.end();
  }
  const path = currentPath();
  const scope = new Scope(pageEl);
  current = scope;
  pageEl.setAttribute('data-loading', 'true');
  if (attempt === 0) {
    pageEl.replaceChildren(h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner' }), 'Loading…'));
  }
  markNav(path);
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (!match) {
    scope.notFound('The page “' + path + '”', 'Pages are #/, #/block/<height or hash>, #/tx/<hash>, '
      + '#/account/<address> and #/search/<query>.');
    return;
  }
  scope.kind(match.r.kind);
  Promise.resolve()
    .then(() => match.r.page.render(scope, ...match.m.slice(1)))
    .catch((e) => {
      if (!scope.active) {
        return;
      }
      console.warn('the page could not load', e);
      scope.show(failure(e, () => route()));
      if (e instanceof NodeDownError) {
        // The banner says the node is down; the page tries again by itself, ever more slowly.
        scope.after(Math.min(RETRY_MS * 2 ** attempt, 30000), () => route(attempt + 1));
      }
    });
}

function currentPath() {
  const raw = location.hash.replace(/^#/, '') || '/';
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return raw; // a stray % in a hand-typed address: matched as it is
  }
}

function failure(e, retry) {
  const sentence = e instanceof NodeDownError
    ? 'This page could not load: ' + e.message + '. It tries again by itself.'
    : e instanceof RpcError
      ? 'The node refused the request: ' + e.message
      : 'Something went wrong while showing this page: ' + e.message;
  return h('section', { class: 'card notice failure', role: 'alert' },
    h('h1', null, 'Could not load'), h('p', null, sentence),
    h('p', null, h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again')));
}

function markNav(path) {
  document.querySelectorAll('[data-nav]').forEach((a) => {
    a.classList.toggle('active', a.getAttribute('data-nav') === '/' ? path === '/' : path.startsWith(a.getAttribute('data-nav')));
  });
}

function setupSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) {
      input.focus();
      return;
    }
    const target = '#/search/' + encodeURIComponent(query);
    input.blur();
    if (location.hash === target) {
      route();
    } else {
      location.hash = target;
    }
  });
}

function setupBanner() {
  onReachability((ok, message) => {
    if (ok) {
      errorEl.hidden = true;
      errorEl.textContent = '';
    } else {
      errorEl.textContent = 'The node does not answer (' + message + '). What is shown may be out of date; '
        + 'the page keeps trying.';
      errorEl.hidden = false;
    }
  });
}

const LIVE_TEXT = {
  idle: ['idle', 'not live', 'This page needs no live updates'],
  connecting: ['connecting', 'connecting', 'Opening the node\'s WebSocket'],
  open: ['open', 'live', 'Live updates over the node\'s WebSocket'],
  reconnecting: ['closed', 'reconnecting', 'The WebSocket closed: reconnecting, then catching up'],
};

/** The header's dot: whether live updates flow. Read from the socket's state twice a second (no network). */
function setupLiveIndicator() {
  const indicator = document.getElementById('live');
  let shown = null;
  const update = () => {
    const state = live.state;
    if (state !== shown) {
      shown = state;
      const [dot, text, title] = LIVE_TEXT[state];
      indicator.setAttribute('data-state', dot);
      indicator.title = title;
      indicator.querySelector('.live-text').textContent = text;
    }
  };
  live.onState(update);
  setInterval(update, 500);
  update();
}

setupSearch();
setupBanner();
setupLiveIndicator();
window.addEventListener('hashchange', () => route());
setInterval(() => refreshAgo(pageEl), 5000);
route();
