// An account (#/account/<address>): balance, nonce, permissions, and the committed transactions
// that name it, newest first, a page at a time (tx_listByAccount's cursor). Balance and nonce
// follow new blocks, read at most once every few seconds.

import { batch, call } from '../api.js';
import { h, badge, fullHash, shortHash } from '../format.js';
import { card, emptyNote } from '../page.js';

const HASH = /^[0-9a-fA-F]{64}$/;
const PAGE_SIZE = 20;
const REFRESH_MS = 3000;

export async function render(scope, id) {
  if (!HASH.test(id)) {
    scope.notFound('Account “' + id + '”', 'An address is an Ed25519 public key: 64 hex characters.');
    return;
  }
  const address = id.toLowerCase();
  scope.title('Account ' + shortHash(address));
  const [account, first] = await batch([['state_getAccount', { address }],
    ['tx_listByAccount', { address, limit: PAGE_SIZE }]]);
  if (!scope.active) {
    return;
  }
  if (account === null) {
    scope.notFound('Account ' + shortHash(address), 'No account has ever existed at this address.');
    return;
  }
  const el = {
    balance: h('span', { id: 'account-balance', class: 'mono' }, String(account.balance)),
    nonce: h('span', { id: 'account-nonce', class: 'mono' }, String(account.nonce)),
    permissions: h('span', { id: 'account-permissions' }),
    txs: h('ul', { id: 'account-txs', class: 'rows' }),
    empty: emptyNote('No committed transaction names this account yet.'),
    more: h('button', { id: 'account-more', type: 'button', class: 'button' }, 'Older transactions'),
  };
  showPermissions(el.permissions, account.permissions);
  scope.show(
    h('div', { class: 'page-head' }, h('h1', { class: 'page-title' }, 'Account')),
    card(null, null, h('dl', { class: 'fields' },
      h('dt', null, 'Address'), h('dd', null, fullHash(address, { id: 'account-address', label: 'address' })),
      h('dt', null, 'Balance'), h('dd', null, el.balance),
      h('dt', null, 'Nonce'), h('dd', null, el.nonce, h('span', { class: 'muted small' }, ' (the nonce its next transaction carries)')),
      h('dt', null, 'Permissions'), h('dd', null, el.permissions))),
    card('Transactions', null, el.txs, el.empty, h('div', { class: 'more' }, el.more)));

  const list = new TransactionList(scope, address, el);
  list.add(first);
  el.more.addEventListener('click', () => list.next());

  let refreshing = false;
  let lastRefresh = 0;
  scope.subscribe({ topic: 'newBlocks' }, () => {
    if (refreshing || Date.now() - lastRefresh < REFRESH_MS) {
      return;
    }
    refreshing = true;
    lastRefresh = Date.now();
    call('state_getAccount', { address }).then((a) => {
      if (a && scope.active) {
        el.balance.textContent = String(a.balance);
        el.nonce.textContent = String(a.nonce);
        showPermissions(el.permissions, a.permissions);
      }
    }).catch(() => {}).finally(() => { refreshing = false; });
  });
}

function showPermissions(el, permissions) {
  // Spaces between the badges, so the text reads "transfer put" and not "transferput".
  el.replaceChildren(...(permissions.length ? permissions.flatMap((p, i) => (i ? [' ', badge(p, 'permission')] : [badge(p, 'permission')]))
    : [h('span', { class: 'muted' }, 'none')]));
}

class TransactionList {
  constructor(scope, address, el) {
    this.scope = scope;
    this.address = address;
    this.el = el;
    this.cursor = null;
    this.seen = new Set();
  }

  add(page) {
    for (const t of page.transactions) {
      if (this.seen.has(t.hash)) {
        continue;
      }
      this.seen.add(t.hash);
      const sent = t.sender === this.address;
      this.el.txs.append(h('li', { 'data-hash': t.hash },
        h('a', { href: '#/tx/' + t.hash, class: 'row-link' },
          h('span', { class: 'cell-hash mono strong' }, shortHash(t.hash)),
          h('span', { class: 'cell-kind' }, badge(t.kind, 'kind')),
          h('span', { class: 'cell-count muted hide-narrow' }, sent ? 'sent' : 'received'),
          h('span', { class: 'cell-grow mono muted hide-narrow' }, 'block ' + t.height + ', #' + t.index),
          h('span', { class: 'cell-end' }, h('span', { class: 'outcome ' + t.outcome }, t.outcome)))));
    }
    this.cursor = page.next;
    this.el.empty.hidden = this.seen.size > 0;
    this.el.more.hidden = page.next === null;
  }

  async next() {
    const button = this.el.more;
    button.disabled = true;
    button.textContent = 'Loading…';
    try {
      const page = await call('tx_listByAccount', { address: this.address, before: this.cursor, limit: PAGE_SIZE });
      if (this.scope.active) {
        this.add(page);
      }
    } catch (e) {
      button.title = e.message;
    } finally {
      button.disabled = false;
      button.textContent = 'Older transactions';
    }
  }
}
