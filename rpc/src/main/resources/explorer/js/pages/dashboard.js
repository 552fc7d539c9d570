// The dashboard (#/): head height, block time, transactions per second with a live chart, latest
// blocks and transactions, mempool, view and primary, validators and the view changes seen.
// Live data comes from the newBlocks, newTransactions and consensus subscriptions; a light poll
// (node_status and net_peers in one request every few seconds) fills in what has no event.

import { batch, call, genesis } from '../api.js';
import { h, svg, ago, badge, formatSeconds, shortHash } from '../format.js';
import { card, emptyNote, stat } from '../page.js';
import { drawLineChart } from '../chart.js';
import { ConsensusPanel } from './consensus-panel.js';

const POLL_MS = 3000;
const WINDOW_MS = 5 * 60 * 1000;
const BUCKET_MS = 10 * 1000;
const SHOWN = 10;
const HISTORY_PAGES = 5;

export async function render(scope) {
  scope.title('Dashboard');
  const [status, peers, blocks] = await batch([['node_status'], ['net_peers'], ['chain_getBlocks', { limit: 100 }]]);
  const { validators } = await genesis();
  const board = new Dashboard(scope, validators, status, blocks);
  board.consensus.update(status, peers, board.blocksPerSecond());
  scope.show(board.view());
  board.redraw();
  board.start();
  // Both only add to what is shown; if the node fails them, the page works without.
  board.loadHistory().catch(() => board.drawChart());
  board.loadLatestTransactions().catch(() => {});
}

class Dashboard {
  constructor(scope, validators, status, blocks) {
    this.scope = scope;
    this.validators = validators;
    this.head = status.height;
    this.mempoolSize = status.mempoolSize;
    this.headers = blocks; // newest first, within the chart's window (and at least SHOWN)
    this.coveredFrom = blocks.length < 100 || blocks[blocks.length - 1].height <= 1 ? 0 : blocks[blocks.length - 1].timestampMillis;
    this.txs = []; // {hash, kind, sender, status, height}, newest first
    this.txRender = null;
    this.refreshPending = null;
    this.consensus = new ConsensusPanel(validators, status);
  }

  view() {
    this.el = {
      head: h('span', { id: 'head-height' }, String(this.head)),
      blockTime: h('span', { id: 'block-time' }, '—'),
      tps: h('span', { id: 'tps' }, '—'),
      mempool: h('span', { id: 'mempool-size' }, String(this.mempoolSize)),
      chart: svg('svg', { id: 'tps-chart', class: 'chart', role: 'img' }),
      blocks: h('ul', { id: 'latest-blocks', class: 'rows' }),
      blocksEmpty: emptyNote('No blocks yet: the chain is at genesis.'),
      txs: h('ul', { id: 'latest-txs', class: 'rows' }),
      txsEmpty: emptyNote('No transactions yet. New ones appear here as the node admits them.'),
      lastBlock: h('span', null),
    };
    return [
      h('h1', { class: 'page-title' }, 'Dashboard'),
      h('div', { class: 'stats' },
        stat('Head height', null, this.el.head, this.el.lastBlock),
        stat('Block time', null, this.el.blockTime, 'average of recent blocks'),
        stat('Transactions / s', null, this.el.tps, 'over the last minute'),
        stat('Mempool', null, this.el.mempool, 'transactions waiting'),
        ...this.consensus.stats()),
      card('Transactions per second, last 5 minutes', { class: 'card chart-card' }, this.el.chart),
      h('div', { class: 'columns' },
        card('Latest blocks', null, this.el.blocks, this.el.blocksEmpty),
        card('Latest transactions', null, this.el.txs, this.el.txsEmpty)),
      h('div', { class: 'columns' }, this.consensus.validatorsCard(), this.consensus.viewChangesCard()),
    ];
  }

  start() {
    const s = this.scope;
    s.subscribe({ topic: 'newBlocks' }, (header) => this.onBlock(header));
    s.subscribe({ topic: 'newTransactions' }, (tx) => this.onTransaction(tx));
    s.subscribe({ topic: 'consensus' }, (event) => this.consensus.onEvent(event));
    s.onReconnect(() => this.catchUp().catch(() => {}));
    s.every(POLL_MS, () => { if (!document.hidden) this.poll(); });
    s.every(2000, () => this.redrawStats());
    const resize = new ResizeObserver(() => this.drawChart());
    resize.observe(this.el.chart);
    s.onCleanup(() => resize.disconnect());
  }

  async poll() {
    if (this.polling) {
      return;
    }
    this.polling = true;
    try {
      const [status, peers] = await batch([['node_status'], ['net_peers']]);
      if (!this.scope.active) {
        return;
      }
      this.el.mempool.textContent = String(status.mempoolSize);
      this.consensus.update(status, peers, this.blocksPerSecond());
      if (status.height > this.head) {
        await this.catchUp(status.height);
      }
    } catch (e) {
      // The banner already says the node does not answer; the next poll tries again.
    } finally {
      this.polling = false;
    }
  }

  /**
   * Headers this page missed (a socket that was closed, a notification lost), up to {@code upTo}
   * (the head when not given): only as many as are missing, one request at a time.
   */
  async catchUp(upTo) {
    if (this.catchingUp) {
      return;
    }
    this.catchingUp = true;
    try {
      const headers = await call('chain_getBlocks', upTo === undefined ? { limit: 100 }
        : { from: upTo, limit: Math.min(100, Math.max(1, upTo - this.head)) });
      if (this.scope.active) {
        headers.slice().reverse().forEach((header) => this.addHeader(header));
        this.redraw();
      }
    } finally {
      this.catchingUp = false;
    }
  }

  onBlock(header) {
    if (header.height > this.head + 1) {
      this.catchUp(header.height - 1).catch(() => {});
    }
    this.addHeader(header);
    this.redraw();
    if (header.transactionCount > 0 && this.txs.some((t) => t.status === 'pending')) {
      this.schedulePendingRefresh();
    }
  }

  addHeader(header) {
    if (this.headers.some((b) => b.height === header.height)) {
      return;
    }
    this.headers.push(header);
    this.headers.sort((a, b) => b.height - a.height);
    this.head = Math.max(this.head, header.height);
    const keepFrom = Date.now() - WINDOW_MS - BUCKET_MS;
    while (this.headers.length > SHOWN && this.headers[this.headers.length - 1].timestampMillis < keepFrom) {
      this.headers.pop();
    }
  }

  /** Older headers until the chart's window is covered (at most a few requests). */
  async loadHistory() {
    for (let page = 0; page < HISTORY_PAGES && this.scope.active; page++) {
      const oldest = this.headers[this.headers.length - 1];
      if (!oldest || oldest.height <= 1 || oldest.timestampMillis < Date.now() - WINDOW_MS) {
        this.coveredFrom = 0;
        break;
      }
      const older = await call('chain_getBlocks', { from: oldest.height - 1, limit: 100 });
      older.forEach((header) => this.headers.push(header));
      const last = older[older.length - 1];
      this.coveredFrom = !last || last.height <= 1 ? 0 : last.timestampMillis;
    }
    this.drawChart();
  }

  /** The transactions of the newest few blocks, so the list is not empty until the next one arrives. */
  async loadLatestTransactions() {
    const withTxs = this.headers.filter((b) => b.transactionCount > 0).slice(0, 3);
    if (withTxs.length === 0) {
      return;
    }
    const blocks = await batch(withTxs.map((b) => ['chain_getBlock', { height: b.height }]));
    const committed = [];
    for (const block of blocks.filter(Boolean)) {
      block.transactions.slice().reverse().forEach((t) => committed.push({ hash: t.hash, kind: t.kind, sender: t.sender,
        status: 'committed', height: block.header.height }));
    }
    const shown = new Set(this.txs.map((t) => t.hash));
    this.txs = this.txs.concat(committed.filter((t) => !shown.has(t.hash))).slice(0, SHOWN);
    this.renderTxs();
  }

  onTransaction(tx) {
    if (this.txs.some((t) => t.hash === tx.hash)) {
      return;
    }
    this.txs.unshift({ hash: tx.hash, kind: tx.kind, sender: tx.sender, status: 'pending', height: null });
    this.txs.length = Math.min(this.txs.length, SHOWN);
    // Under load many arrive each second: the list is redrawn at most a few times a second.
    if (!this.txRender) {
      this.txRender = setTimeout(() => { this.txRender = null; if (this.scope.active) this.renderTxs(); }, 250);
    }
  }

  /** Pending rows shown turn committed: one tx_get batch for them, at most once a second. */
  schedulePendingRefresh() {
    if (this.refreshPending) {
      return;
    }
    this.refreshPending = setTimeout(async () => {
      this.refreshPending = null;
      const pending = this.txs.filter((t) => t.status === 'pending');
      if (!this.scope.active || pending.length === 0) {
        return;
      }
      try {
        const answers = await batch(pending.map((t) => ['tx_get', { hash: t.hash }]));
        answers.forEach((answer, i) => {
          if (answer && answer.status === 'committed') {
            pending[i].status = 'committed';
            pending[i].height = answer.height;
          }
        });
        this.renderTxs();
      } catch (e) {
        // Left pending; the next block tries again.
      }
    }, 1000);
  }

  redraw() {
    this.el.head.textContent = String(this.head);
    this.renderBlocks();
    this.redrawStats();
  }

  redrawStats() {
    const newest = this.headers[0];
    this.el.lastBlock.replaceChildren(newest ? h('span', null, 'last block ', ago(newest.timestampMillis)) : 'no blocks yet');
    const recent = this.headers.slice(0, 21);
    this.el.blockTime.textContent = recent.length < 2 ? '—'
      : formatSeconds((recent[0].timestampMillis - recent[recent.length - 1].timestampMillis) / 1000 / (recent.length - 1));
    const now = Date.now();
    const since = Math.max(now - 60000, this.coveredFrom || 0);
    const seconds = Math.max((now - since) / 1000, 1);
    const count = this.headers.filter((b) => b.timestampMillis > since).reduce((sum, b) => sum + b.transactionCount, 0);
    this.el.tps.textContent = (count / seconds).toFixed(1);
    this.drawChart();
  }

  blocksPerSecond() {
    const recent = this.headers.slice(0, 21);
    if (recent.length < 2 || Date.now() - recent[0].timestampMillis > 10000) {
      return 0;
    }
    return (recent.length - 1) * 1000 / Math.max(recent[0].timestampMillis - recent[recent.length - 1].timestampMillis, 1);
  }

  drawChart() {
    if (!this.el || !this.el.chart.isConnected) {
      return;
    }
    const to = Date.now();
    const from = to - WINDOW_MS;
    const points = [];
    for (let end = from + BUCKET_MS; end <= to; end += BUCKET_MS) {
      const start = end - BUCKET_MS;
      const covered = !this.coveredFrom || start >= this.coveredFrom;
      const count = this.headers.filter((b) => b.timestampMillis > start && b.timestampMillis <= end)
        .reduce((sum, b) => sum + b.transactionCount, 0);
      points.push({ t: end, v: covered ? count / (BUCKET_MS / 1000) : null });
    }
    // A block stamped by a clock slightly ahead of this one still counts, in the newest bucket.
    const ahead = this.headers.filter((b) => b.timestampMillis > to).reduce((sum, b) => sum + b.transactionCount, 0);
    points[points.length - 1].v += ahead / (BUCKET_MS / 1000);
    drawLineChart(this.el.chart, points, { from, to,
      title: 'Transactions per second over the last 5 minutes, in 10-second steps' });
  }

  renderBlocks() {
    const shown = new Set(Array.from(this.el.blocks.children, (li) => li.getAttribute('data-height')));
    const fresh = shown.size > 0;
    const rows = this.headers.slice(0, SHOWN).map((b) => h('li', { 'data-height': b.height,
      class: fresh && !shown.has(String(b.height)) ? 'new' : null },
      h('a', { href: '#/block/' + b.height, class: 'row-link' },
        h('span', { class: 'cell-num mono strong' }, '#' + b.height),
        h('span', { class: 'cell-hash mono muted hide-narrow' }, shortHash(b.hash)),
        h('span', { class: 'cell-count mono' }, b.transactionCount + (b.transactionCount === 1 ? ' tx' : ' txs')),
        h('span', { class: 'cell-grow muted hide-narrow' }, this.proposerName(b.proposer)),
        h('span', { class: 'cell-end muted' }, ago(b.timestampMillis)))));
    this.el.blocks.replaceChildren(...rows);
    this.el.blocksEmpty.hidden = rows.length > 0;
  }

  renderTxs() {
    const shown = new Set(Array.from(this.el.txs.children, (li) => li.getAttribute('data-hash')));
    const fresh = shown.size > 0;
    const rows = this.txs.map((t) => h('li', { 'data-hash': t.hash, 'data-status': t.status,
      class: fresh && !shown.has(t.hash) ? 'new' : null },
      h('a', { href: '#/tx/' + t.hash, class: 'row-link' },
        h('span', { class: 'cell-hash mono strong' }, shortHash(t.hash)),
        h('span', { class: 'cell-kind' }, badge(t.kind, 'kind')),
        h('span', { class: 'cell-grow mono muted hide-narrow' }, 'from ' + shortHash(t.sender)),
        h('span', { class: 'cell-end' }, t.status === 'committed' ? badge('in #' + t.height, 'committed') : badge('pending')))));
    this.el.txs.replaceChildren(...rows);
    this.el.txsEmpty.hidden = rows.length > 0;
  }

  proposerName(key) {
    const v = this.validators.find((x) => x.publicKey === key);
    return v ? v.name : shortHash(key);
  }
}

