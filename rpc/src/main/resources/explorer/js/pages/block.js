// A block (#/block/<height or hash>): every header field, its transactions, and its commit
// certificate, checked in this browser against the genesis validator keys.

import { call, genesis } from '../api.js';
import { h, ago, badge, field, formatTime, fullHash, hashView, hexAndText, shortHash } from '../format.js';
import { card, emptyNote } from '../page.js';
import { checkBlock } from '../verify.js';

const HASH = /^[0-9a-fA-F]{64}$/;

export async function render(scope, id) {
  let params;
  if (/^\d{1,18}$/.test(id)) {
    params = { height: Number(id) };
  } else if (HASH.test(id)) {
    params = { hash: id.toLowerCase() };
  } else if (id === 'latest') {
    params = { height: 'latest' };
  } else {
    scope.notFound('Block “' + id + '”', 'A block is named by its height (digits) or its hash (64 hex characters).');
    return;
  }
  scope.title('Block ' + shortHash(id));
  const [block, gen] = await Promise.all([call('chain_getBlock', params), genesis()]);
  if (!scope.active) {
    return;
  }
  if (block === null) {
    scope.notFound('Block ' + (params.height !== undefined ? params.height : shortHash(id)),
      params.height !== undefined ? 'The chain may not be that high yet.' : null);
    return;
  }
  if (!block.header) {
    scope.title('Genesis');
    scope.show(genesisView(block));
    return;
  }
  scope.title('Block ' + block.header.height);
  const status = h('p', { id: 'certificate-status', class: 'verdict checking' }, 'checking the certificate in your browser…');
  const signers = h('ul', { id: 'certificate-signers', class: 'rows signers' });
  scope.show(headerView(block, gen), transactionsView(block), certificateView(block, status, signers));
  showSigners(signers, gen.validators, block.certificate, null);
  let check;
  try {
    check = await checkBlock(gen.chainId, gen.validators.map((v) => v.publicKey), block);
  } catch (e) {
    check = { final: false, reason: 'the check could not run: ' + e.message, signers: null };
  }
  if (scope.active) {
    showVerdict(status, check);
    showSigners(signers, gen.validators, block.certificate, check.signers);
  }
}

function genesisView(block) {
  return card('Genesis', { class: 'card' },
    h('dl', { class: 'fields' },
      field('Height', h('span', { id: 'block-height', class: 'mono' }, '0')),
      field('Hash', hashView(block.hash, { id: 'block-hash', label: 'genesis hash' }))),
    h('p', { class: 'muted' }, 'The genesis has no block: it is the file every validator starts from, and it needs no certificate.'),
    h('p', null, h('a', { href: '#/block/1' }, 'Block 1 →')));
}

function headerView(block, gen) {
  const hd = block.header;
  const proposer = gen.validators.find((v) => v.publicKey === hd.proposer);
  return [
    h('div', { class: 'page-head' },
      h('h1', { class: 'page-title' }, 'Block ', h('span', { id: 'block-height', class: 'mono' }, String(hd.height))),
      h('nav', { class: 'pager' },
        hd.height > 1 ? h('a', { href: '#/block/' + (hd.height - 1), class: 'button' }, '← ', String(hd.height - 1)) : null,
        h('a', { href: '#/block/' + (hd.height + 1), class: 'button' }, String(hd.height + 1), ' →'))),
    card('Header', null, h('dl', { class: 'fields' },
      field('Hash', hashView(block.hash, { id: 'block-hash', label: 'block hash' })),
      field('Height', h('span', { class: 'mono' }, String(hd.height))),
      field('Parent', hashView(hd.parentHash, { href: '#/block/' + (hd.height - 1), label: 'parent hash' })),
      field('Time', h('span', { class: 'mono' }, formatTime(hd.timestampMillis)), ' ', h('span', { class: 'muted' }, '(', ago(hd.timestampMillis), ')')),
      field('Proposer', proposer ? proposer.name + ' ' : '', hashView(hd.proposer, { label: 'proposer key' })),
      field('View', h('span', { class: 'mono' }, String(hd.view)), hd.view > 0 ? h('span', { class: 'muted' }, ' (decided after a view change)') : null),
      field('Transactions', h('span', { class: 'mono' }, String(hd.transactionCount))),
      field('Transactions root', fullHash(hd.transactionsRoot, { label: 'transactions root' })),
      field('State root', fullHash(hd.stateRoot, { label: 'state root' })))),
  ];
}

function transactionsView(block) {
  const rows = block.transactions.map((t, i) => h('li', { 'data-hash': t.hash },
    h('a', { href: '#/tx/' + t.hash, class: 'row-link' },
      h('span', { class: 'cell-index mono muted hide-narrow' }, String(i)),
      h('span', { class: 'cell-hash mono strong' }, shortHash(t.hash)),
      h('span', { class: 'cell-kind' }, badge(t.kind, 'kind')),
      h('span', { class: 'cell-grow mono muted hide-narrow' }, 'from ' + shortHash(t.sender)),
      h('span', { class: 'cell-grow cell-end mono' }, summary(t)))));
  return card('Transactions', null, h('ul', { id: 'block-txs', class: 'rows' }, rows),
    rows.length ? null : emptyNote('This block holds no transactions.'));
}

/** One line on what a transaction does. */
export function summary(t) {
  switch (t.kind) {
    case 'transfer': return t.amount + ' → ' + shortHash(t.to);
    case 'put': {
      const text = hexAndText(t.key);
      return 'key ' + (text !== null && text.length <= 24 ? '“' + text + '”' : t.key.length > 16 ? t.key.slice(0, 16) + '…' : t.key);
    }
    case 'grant': return '+' + t.permission + ' → ' + shortHash(t.account);
    case 'revoke': return '−' + t.permission + ' ← ' + shortHash(t.account);
    default: return '';
  }
}

function certificateView(block, status, signers) {
  const c = block.certificate;
  return card('Commit certificate', null, status,
    h('p', { class: 'muted small' }, 'Each signature is checked here with WebCrypto Ed25519 over the COMMIT sign-bytes ',
      '(chain id, height ', String(c ? c.height : '?'), ', view ', String(c ? c.view : '?'),
      ', block hash) against the validator keys of genesis; the header is hashed here too.'),
    signers);
}

function showVerdict(el, check) {
  el.classList.remove('checking');
  if (check.final) {
    el.textContent = 'final: signed by ' + check.valid + ' of ' + check.n + ' validators — verified in your browser';
    el.setAttribute('data-verified', 'true');
    el.classList.add('ok');
  } else {
    el.textContent = 'warning: ' + check.reason;
    el.setAttribute('data-verified', 'false');
    el.classList.add('bad');
  }
}

/** One row per genesis validator: did it sign, and does its signature verify (once checked)? */
function showSigners(list, validators, certificate, checked) {
  const present = new Set(((certificate && certificate.signatures) || []).map((s) => s.validator));
  list.replaceChildren(...validators.map((v) => {
    const signed = present.has(v.index);
    const result = checked ? checked[v.index] : null;
    let verdict;
    if (!signed) {
      verdict = h('span', { class: 'state idle' }, 'did not sign');
    } else if (!result || result.valid === null) {
      verdict = h('span', { class: 'state pending' }, checked ? 'signed (not checked)' : 'signed, checking…');
    } else {
      verdict = result.valid ? h('span', { class: 'state online' }, '✓ signature verified')
        : h('span', { class: 'state down' }, '✗ signature invalid');
    }
    return h('li', { 'data-validator': v.index, 'data-signed': String(signed), class: 'validator' },
      h('span', { class: 'cell-index mono strong' }, '#' + v.index),
      h('span', { class: 'cell-grow' }, v.name),
      h('span', { class: 'cell-hash mono muted hide-narrow', title: v.publicKey }, shortHash(v.publicKey)),
      h('span', { class: 'cell-end' }, verdict));
  }));
}
