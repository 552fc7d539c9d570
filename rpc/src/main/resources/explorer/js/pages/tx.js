// A transaction (#/tx/<hash>): its status, turning from pending to committed live (txStatus),
// what it does, its receipt and block, and its inclusion proof checked in this browser.

import { call, genesis } from '../api.js';
import { h, badge, field, fullHash, hashView, hexAndText, shortHash } from '../format.js';
import { card, notFoundView } from '../page.js';
import { checkInclusion } from '../verify.js';

const HASH = /^[0-9a-fA-F]{64}$/;

export async function render(scope, id) {
  if (!HASH.test(id)) {
    scope.notFound('Transaction “' + id + '”', 'A transaction is named by its hash: 64 hex characters.');
    return;
  }
  const hash = id.toLowerCase();
  scope.title('Transaction ' + shortHash(hash));
  const page = new TxPage(scope, hash);
  // Subscribed first, so nothing that happens while tx_get is on its way is missed.
  scope.subscribe({ topic: 'txStatus', hash }, (event) => page.onStatus(event));
  // After a reconnect, what happened while the socket was closed is read once.
  scope.onReconnect(() => { if (page.shownStatus !== 'committed') page.reload(); });
  await page.reload(true);
}

class TxPage {
  constructor(scope, hash) {
    this.scope = scope;
    this.hash = hash;
    this.tx = null;
    this.shownStatus = null;
    this.proofChecked = false;
  }

  async reload(first) {
    try {
      const tx = await call('tx_get', { hash: this.hash });
      if (this.scope.active) {
        this.show(tx);
      }
    } catch (e) {
      if (first) {
        throw e;
      }
    }
  }

  onStatus(event) {
    // Committed: the full answer (outcome, block) and the proof are read once.
    if (event.status === 'committed' && this.shownStatus !== 'committed') {
      this.reload();
    } else if (event.status === 'pending' && !this.tx) {
      this.reload();
    }
  }

  show(tx) {
    if (tx === null) {
      // Another node may hold it, and gossip may bring it here: the page waits for txStatus.
      this.scope.kind('not-found');
      this.scope.show(notFoundView(['Transaction ', h('span', { class: 'mono wrap' }, this.hash)],
        'This node knows nothing of it: it may be refused, or still on its way from another node. '
        + 'This page keeps watching and shows it as soon as it arrives.'));
      return;
    }
    if (this.tx && this.shownStatus === 'committed') {
      return;
    }
    this.tx = tx;
    this.shownStatus = tx.status;
    this.scope.kind('tx');
    this.scope.show(this.view(tx));
    if (tx.status === 'committed') {
      this.checkProof();
    }
  }

  view(tx) {
    const t = tx.transaction;
    const committed = tx.status === 'committed';
    this.proofEl = h('p', { id: 'proof-status', class: 'verdict' + (committed ? ' checking' : '') },
      committed ? 'checking the inclusion proof in your browser…' : 'pending: a proof exists once the transaction is in a block');
    this.proofDetail = h('div', { class: 'muted small' });
    return [
      h('div', { class: 'page-head' },
        h('h1', { class: 'page-title' }, 'Transaction'),
        h('span', { id: 'tx-status', 'data-status': tx.status, class: 'status ' + tx.status }, tx.status)),
      card('Transaction', null, h('dl', { class: 'fields' },
        field('Hash', fullHash(tx.hash, { id: 'tx-hash', label: 'transaction hash' })),
        field('Kind', h('span', { id: 'tx-kind' }, t.kind)),
        field('Sender', hashView(t.sender, { id: 'tx-sender', href: '#/account/' + t.sender, label: 'sender' })),
        field('Nonce', h('span', { id: 'tx-nonce', class: 'mono' }, String(t.nonce))),
        ...operationFields(t),
        field('Signature', h('span', { class: 'mono wrap small' }, t.signature)))),
      card('Receipt', null, h('dl', { class: 'fields' },
        field('Status', committed ? 'committed in a final block' : 'pending in the mempool of this node'),
        field('Block', committed ? h('a', { id: 'tx-block', href: '#/block/' + tx.height, class: 'mono' }, String(tx.height))
          : h('span', { id: 'tx-block', class: 'muted' }, 'not in a block yet')),
        field('Index in block', h('span', { class: 'mono' }, committed ? String(tx.index) : '—')),
        field('Outcome', h('span', { id: 'tx-outcome', class: 'outcome ' + (tx.outcome || 'none') }, tx.outcome || '—')),
        tx.outcome && tx.outcome !== 'success'
          ? h('p', { class: 'muted small' }, 'A failed transaction changes nothing but its sender\'s nonce.') : null)),
      card('Inclusion proof', null, this.proofEl, this.proofDetail),
    ];
  }

  async checkProof() {
    if (this.proofChecked) {
      return;
    }
    this.proofChecked = true;
    let verdict;
    let proof = null;
    try {
      const [answer, gen] = await Promise.all([call('tx_getProof', { hash: this.hash }), genesis()]);
      proof = answer;
      verdict = answer === null ? { reason: 'the node has no proof for it' }
        : await checkInclusion(gen.chainId, gen.validators.map((v) => v.publicKey), answer, this.hash);
    } catch (e) {
      verdict = { reason: 'the proof could not be checked: ' + e.message };
      this.proofChecked = false;
    }
    if (!this.scope.active) {
      return;
    }
    const el = this.proofEl;
    el.classList.remove('checking');
    if (verdict.included && verdict.final) {
      el.textContent = 'included: proof verified in your browser';
      el.setAttribute('data-verified', 'true');
      el.classList.add('ok');
      const c = verdict.certificate;
      this.proofDetail.replaceChildren(
        h('p', null, 'Leaf ', h('span', { class: 'mono' }, String(proof.proof.leafIndex)), ' of ',
          h('span', { class: 'mono' }, String(proof.proof.treeSize)), ', ', String(proof.proof.path.length),
          ' sibling hashes up to the transactionsRoot of block ', h('a', { href: '#/block/' + proof.height }, String(proof.height)),
          '; the header hashes to the certified block hash, signed by ', String(c.valid), ' of ', String(c.n),
          ' validators (a quorum is ', String(c.quorum), ').'));
    } else {
      el.textContent = 'warning: ' + verdict.reason;
      el.setAttribute('data-verified', 'false');
      el.classList.add('bad');
    }
  }
}

function operationFields(t) {
  switch (t.kind) {
    case 'transfer':
      return [field('To', hashView(t.to, { href: '#/account/' + t.to, label: 'recipient' })),
        field('Amount', h('span', { class: 'mono strong' }, String(t.amount)))];
    case 'put':
      return [field('Key', hexView(t.key)), field('Value', hexView(t.value))];
    case 'grant':
    case 'revoke':
      return [field('Account', hashView(t.account, { href: '#/account/' + t.account, label: 'account' })),
        field('Permission', badge(t.permission, 'permission'))];
    default:
      return [];
  }
}

function hexView(hex) {
  const text = hex ? hexAndText(hex) : null;
  return h('span', null, h('span', { class: 'mono wrap' }, hex || '(empty)'),
    text ? h('span', { class: 'muted' }, ' “', text, '”') : null);
}
