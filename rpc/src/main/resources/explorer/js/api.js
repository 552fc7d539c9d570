// The node's public API as any client sees it: JSON-RPC over POST /rpc (every call times out,
// so the page never hangs on a node that is down) and one shared WebSocket at /ws for the
// subscriptions, reconnecting with backoff and subscribing again after each reconnect.

const TIMEOUT_MS = 5000;
let nextId = 1;
const reachabilityListeners = new Set();

/** The node did not answer in time, or could not be reached at all. */
export class NodeDownError extends Error {}

/** The node answered with a JSON-RPC error. */
export class RpcError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.code;
    this.data = error.data;
  }
}

/** Calls listener(true|false, message) each time a call reaches the node or fails to. */
export function onReachability(listener) {
  reachabilityListeners.add(listener);
  return () => reachabilityListeners.delete(listener);
}

function reachable(ok, message) {
  reachabilityListeners.forEach((listener) => listener(ok, message));
}

async function post(body) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch('rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
    const json = await response.json();
    reachable(true);
    return json;
  } catch (e) {
    const message = controller.signal.aborted
      ? 'the node did not answer within ' + TIMEOUT_MS / 1000 + ' s'
      : response ? 'the node answered HTTP ' + response.status + ' without JSON' : 'the node cannot be reached';
    reachable(false, message);
    throw new NodeDownError(message);
  } finally {
    clearTimeout(timer);
  }
}

function unwrap(answer) {
  if (answer.error) {
    throw new RpcError(answer.error);
  }
  return answer.result;
}

/** One JSON-RPC call: its result (null for "not found"), or a thrown NodeDownError / RpcError. */
export async function call(method, params) {
  const request = { jsonrpc: '2.0', id: nextId++, method };
  if (params !== undefined) {
    request.params = params;
  }
  return unwrap(await post(request));
}

/**
 * Several calls in one HTTP request (a JSON-RPC batch), for pages that need a few reads at once:
 * their results in the order of the calls. The first call that failed is thrown as an RpcError.
 */
export async function batch(calls) {
  const base = nextId;
  nextId += calls.length;
  const requests = calls.map(([method, params], i) => {
    const request = { jsonrpc: '2.0', id: base + i, method };
    if (params !== undefined) {
      request.params = params;
    }
    return request;
  });
  const answers = await post(requests);
  if (!Array.isArray(answers)) {
    throw new RpcError(answers.error || { code: -32603, message: 'the node did not answer the batch' });
  }
  const byId = new Map(answers.map((a) => [a.id, a]));
  return calls.map((_, i) => unwrap(byId.get(base + i) || { error: { code: -32603, message: 'a call went unanswered' } }));
}

/** Genesis never changes: its validators and the chain id are read once per page load. */
let genesisPromise = null;

export function genesis() {
  if (!genesisPromise) {
    genesisPromise = batch([['chain_getValidators'], ['node_status']]).then(([validators, status]) => ({
      validators,
      chainId: status.chainId,
      nodeIndex: status.validatorIndex,
    }));
    genesisPromise.catch(() => { genesisPromise = null; });
  }
  return genesisPromise;
}

/**
 * The one WebSocket of the page. subscribe() returns a function that ends the subscription; a
 * subscription lives across reconnects (it is made again on each new socket). onState() hears
 * 'open' / 'closed' so pages can catch up on what they missed while disconnected.
 */
class LiveSocket {
  constructor() {
    this.subs = new Map(); // local key -> {params, handler, id}
    this.byServerId = new Map(); // server subscription id -> local key
    this.pending = new Map(); // request id -> callback
    this.stateListeners = new Set();
    this.socket = null;
    this.open = false;
    this.backoffMs = 1000;
    this.nextKey = 1;
    this.reconnectTimer = null;
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const path = location.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + location.host + path + 'ws';
  }

  connect() {
    if (this.socket || typeof WebSocket === 'undefined') {
      return;
    }
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.open = true;
      this.everOpen = true;
      this.backoffMs = 1000;
      this.byServerId.clear();
      for (const key of this.subs.keys()) {
        this.send(key);
      }
      this.stateListeners.forEach((l) => l('open'));
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      const wasOpen = this.open;
      this.socket = null;
      this.open = false;
      this.pending.clear();
      this.byServerId.clear();
      this.subs.forEach((sub) => { sub.id = null; });
      if (wasOpen) {
        this.stateListeners.forEach((l) => l('closed'));
      }
      this.scheduleReconnect();
    };
  }

  scheduleReconnect() {
    if (this.reconnectTimer || this.subs.size === 0) {
      return;
    }
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.subs.size > 0) {
        this.connect();
      }
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, 15000);
  }

  send(key) {
    const sub = this.subs.get(key);
    const id = nextId++;
    this.pending.set(id, (answer) => {
      if (!this.subs.has(key)) {
        // Ended while the answer was on its way: end it on the server too.
        if (answer.result) {
          this.request('unsubscribe', [answer.result]);
        }
        return;
      }
      if (answer.result) {
        sub.id = answer.result;
        this.byServerId.set(answer.result, key);
      } else if (sub.onError) {
        sub.onError(new RpcError(answer.error));
      }
    });
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'subscribe', params: sub.params }));
  }

  request(method, params) {
    if (this.open) {
      this.socket.send(JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }));
    }
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (message.method === 'subscription' && message.params) {
      const key = this.byServerId.get(message.params.subscription);
      const sub = key && this.subs.get(key);
      if (sub) {
        sub.handler(message.params.result);
      }
    } else if (message.id != null && this.pending.has(message.id)) {
      const callback = this.pending.get(message.id);
      this.pending.delete(message.id);
      callback(message);
    }
  }

  /** params: {topic} or {topic: 'txStatus', hash}; handler gets each notification's result. */
  subscribe(params, handler, onError) {
    const key = this.nextKey++;
    this.subs.set(key, { params, handler, onError, id: null });
    if (this.open) {
      this.send(key);
    } else {
      this.connect();
    }
    return () => {
      const sub = this.subs.get(key);
      if (!sub) {
        return;
      }
      this.subs.delete(key);
      if (sub.id) {
        this.byServerId.delete(sub.id);
        this.request('unsubscribe', [sub.id]);
      }
    };
  }

  /** idle (nothing subscribed), connecting, open, or reconnecting (subscriptions wait for the socket). */
  get state() {
    if (this.open) {
      return 'open';
    }
    if (this.subs.size === 0) {
      return 'idle';
    }
    return this.everOpen ? 'reconnecting' : 'connecting';
  }

  onState(listener) {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
}

export const live = new LiveSocket();
