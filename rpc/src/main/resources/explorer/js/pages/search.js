// Search (#/search/<query>): digits go to a block by height; 64 hex characters are looked up as a
// block hash, then a transaction hash, then an address (one batched request); anything else, or
// nothing found, says "not found".

import { batch } from '../api.js';
import { h } from '../format.js';

const HASH = /^[0-9a-f]{64}$/;

/** The query as the page reads it: trimmed, without a 0x or # prefix, hex in lower case. */
export function normalize(query) {
  let q = query.trim().replace(/^#/, '');
  if (/^0x[0-9a-fA-F]+$/.test(q)) {
    q = q.slice(2);
  }
  return /^[0-9a-fA-F]+$/.test(q) ? q.toLowerCase() : q;
}

export async function render(scope, raw) {
  const query = normalize(raw);
  scope.title('Search');
  const input = document.getElementById('search');
  if (input && document.activeElement !== input) {
    input.value = raw;
  }
  if (/^\d{1,18}$/.test(query)) {
    if (input) {
      input.value = '';
    }
    location.replace('#/block/' + Number(query));
    return;
  }
  if (!HASH.test(query)) {
    scope.notFound('“' + raw + '”', 'Search takes a block height (digits), a block or transaction hash, or an '
      + 'address (64 hex characters).');
    return;
  }
  scope.show(h('p', { class: 'loading' }, h('span', { class: 'spinner' }), 'Looking up ', h('span', { class: 'mono' }, query), '…'));
  scope.el.setAttribute('data-loading', 'true');
  const [block, tx, account] = await batch([['chain_getBlock', { hash: query }], ['tx_get', { hash: query }],
    ['state_getAccount', { address: query }]]);
  if (!scope.active) {
    return;
  }
  const clear = () => { if (input) input.value = ''; };
  if (block) {
    clear();
    location.replace('#/block/' + (block.header ? block.header.height : block.height));
  } else if (tx) {
    clear();
    location.replace('#/tx/' + query);
  } else if (account) {
    clear();
    location.replace('#/account/' + query);
  } else {
    scope.notFound(['“', h('span', { class: 'mono wrap' }, query), '”'], 'No block, transaction or account on this node has this hash or address.');
  }
}
