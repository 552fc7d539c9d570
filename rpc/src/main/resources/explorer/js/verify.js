// What the explorer checks in the browser, trusting nothing the node says: a block's commit
// certificate (Ed25519 over the COMMIT sign-bytes, a quorum of genesis validators), that a header
// hashes to the certified block hash, and RFC 9162 Merkle inclusion. Pure functions over bytes and
// the JSON the RPC returns; only WebCrypto underneath, so they also run under Node.js for tests.

const SIGN_TAG = 'cairn-pbft';
const COMMIT = 3;
const HEADER_VERSION = 1;
export const HEADER_BYTES = 157;
/** Where transactionsRoot sits in an encoded header (docs/rpc.md, tx_getProof). */
const TRANSACTIONS_ROOT_AT = 89;

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error('not hex: ' + String(hex).slice(0, 20));
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return out;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u64(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

function u32(value) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function ascii(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) {
      throw new Error('not ASCII: ' + text);
    }
    out[i] = c;
  }
  return out;
}

/** WebCrypto, or null where the browser offers none (plain http to an address other than localhost). */
function subtle() {
  return globalThis.crypto && globalThis.crypto.subtle ? globalThis.crypto.subtle : null;
}

export async function sha256(bytes) {
  const s = subtle();
  if (!s) {
    throw new Error('this browser offers no WebCrypto here (it needs https or localhost)');
  }
  return new Uint8Array(await s.digest('SHA-256', bytes));
}

/** "cairn-pbft" | u8 length, chain id | u8 3 | u64 height | u64 view | block hash (consensus SignBytes). */
export function commitSignBytes(chainId, height, view, blockHashHex) {
  const id = ascii(chainId);
  if (id.length > 255) {
    throw new Error('chain id longer than 255 bytes');
  }
  return concat(ascii(SIGN_TAG), Uint8Array.of(id.length), id, Uint8Array.of(COMMIT), u64(height), u64(view),
    hexToBytes(blockHashHex));
}

/** The header's canonical 157 bytes (ledger BlockCodec), from the header JSON of chain_getBlock. */
export function encodeHeader(h) {
  return concat(Uint8Array.of(HEADER_VERSION), u64(h.height), hexToBytes(h.parentHash), u64(h.timestampMillis),
    hexToBytes(h.proposer), u64(h.view), hexToBytes(h.transactionsRoot), hexToBytes(h.stateRoot),
    u32(h.transactionCount));
}

/** f = ⌊(n − 1)/3⌋ faults tolerated; a quorum is ⌈(n + f + 1)/2⌉ (docs/consensus.md). */
export function quorum(n) {
  const f = Math.floor((n - 1) / 3);
  return Math.ceil((n + f + 1) / 2);
}

export async function merkleLeafHash(item) {
  return sha256(concat(Uint8Array.of(0), item));
}

async function merkleNodeHash(left, right) {
  return sha256(concat(Uint8Array.of(1), left, right));
}

/** RFC 9162 section 2.1.1 MTH over the items (transaction hashes), as bytes. */
export async function merkleRoot(items) {
  if (items.length === 0) {
    return sha256(new Uint8Array(0));
  }
  let level = [];
  for (const item of items) {
    level.push(await merkleLeafHash(item));
  }
  // Pairing level by level and carrying an odd last node up builds the same tree as RFC 9162's split.
  while (level.length > 1) {
    const parents = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      parents.push(await merkleNodeHash(level[i], level[i + 1]));
    }
    if (level.length % 2 === 1) {
      parents.push(level[level.length - 1]);
    }
    level = parents;
  }
  return level[0];
}

/** RFC 9162 section 2.1.3.2: the root the inclusion proof leads to, or null when the proof is malformed. */
export async function rootFromInclusionProof(item, leafIndex, treeSize, path) {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    return null;
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = await merkleLeafHash(item);
  for (const p of path) {
    if (sn === 0) {
      return null;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = await merkleNodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await merkleNodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export function equalBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

let ed25519Probe = null;

/** Whether this browser's WebCrypto verifies Ed25519 (Chrome 137+, Firefox 129+, Safari 17+). */
export function ed25519Supported() {
  if (!ed25519Probe) {
    ed25519Probe = (async () => {
      const s = subtle();
      if (!s) {
        return false;
      }
      try {
        await s.importKey('raw', new Uint8Array(32).fill(1), { name: 'Ed25519' }, false, ['verify']);
        return true;
      } catch (e) {
        return false;
      }
    })();
  }
  return ed25519Probe;
}

async function ed25519Verify(publicKeyHex, signatureHex, message) {
  const s = subtle();
  try {
    const key = await s.importKey('raw', hexToBytes(publicKeyHex), { name: 'Ed25519' }, false, ['verify']);
    return await s.verify({ name: 'Ed25519' }, key, hexToBytes(signatureHex), message);
  } catch (e) {
    return false; // a key or signature of the wrong length is simply not a valid signature
  }
}

/**
 * Checks a commit certificate against the genesis validator keys (hex, in genesis order) for the
 * block with hash {@code blockHashHex} at {@code height}. Returns {final, reason, signed, valid, n,
 * quorum, signers}: signers[i] = {validator, present, valid} per genesis validator; valid is null when
 * the browser cannot check Ed25519 (then final is false and reason says so).
 */
export async function checkCertificate(chainId, validatorKeys, certificate, blockHashHex, height) {
  const n = validatorKeys.length;
  const need = quorum(n);
  const signers = validatorKeys.map((_, i) => ({ validator: i, present: false, valid: null }));
  const result = { final: false, reason: null, signed: 0, valid: 0, n, quorum: need, signers };
  if (!certificate) {
    result.reason = 'the node sent no certificate for this block';
    return result;
  }
  const seen = new Set();
  for (const s of certificate.signatures || []) {
    if (!Number.isInteger(s.validator) || s.validator < 0 || s.validator >= n) {
      result.reason = 'the certificate names validator ' + s.validator + ', which is not in genesis';
    } else if (seen.has(s.validator)) {
      result.reason = 'the certificate holds validator ' + s.validator + ' twice';
    } else {
      seen.add(s.validator);
      signers[s.validator].present = true;
      signers[s.validator].signature = s.signature;
    }
  }
  result.signed = seen.size;
  if (!(await ed25519Supported())) {
    result.reason = subtle()
      ? 'this browser cannot check Ed25519 signatures (WebCrypto lacks Ed25519)'
      : 'this browser offers no WebCrypto on this page (it needs https or localhost), so signatures were not checked';
    return result;
  }
  const message = commitSignBytes(chainId, certificate.height, certificate.view, certificate.blockHash);
  for (const signer of signers.filter((x) => x.present)) {
    signer.valid = await ed25519Verify(validatorKeys[signer.validator], signer.signature, message);
    if (signer.valid) {
      result.valid++;
    }
  }
  if (result.reason) {
    return result;
  }
  if (String(certificate.blockHash).toLowerCase() !== String(blockHashHex).toLowerCase()) {
    result.reason = 'the certificate is for block ' + certificate.blockHash + ', not this one';
  } else if (certificate.height !== height) {
    result.reason = 'the certificate is for height ' + certificate.height + ', not ' + height;
  } else if (result.valid < result.signed) {
    const bad = signers.filter((x) => x.present && !x.valid).map((x) => x.validator);
    result.reason = 'the signature of validator ' + bad.join(', ') + ' does not verify';
  } else if (result.valid < need) {
    result.reason = 'only ' + result.valid + ' of ' + n + ' validators signed; finality needs ' + need;
  } else {
    result.final = true;
  }
  return result;
}

/**
 * A block as chain_getBlock returns it: its header hashes to its hash, its transactions to the
 * header's transactionsRoot, and its certificate is final. Same result shape as checkCertificate.
 */
export async function checkBlock(chainId, validatorKeys, block) {
  const cert = await checkCertificate(chainId, validatorKeys, block.certificate, block.hash, block.header.height);
  const headerHash = bytesToHex(await sha256(encodeHeader(block.header)));
  const txs = block.transactions || [];
  const root = bytesToHex(await merkleRoot(txs.map((t) => hexToBytes(t.hash))));
  if (headerHash !== String(block.hash).toLowerCase()) {
    return { ...cert, final: false, reason: 'the header shown hashes to ' + headerHash + ', not to the block hash' };
  }
  if (root !== block.header.transactionsRoot || txs.length !== block.header.transactionCount) {
    return { ...cert, final: false, reason: 'the transactions listed do not match the header\'s transactionsRoot' };
  }
  return cert;
}

/**
 * A tx_getProof answer, checked as docs/rpc.md says: inclusion against the transactionsRoot of the
 * encoded header, the header is the certified block, and the certificate is final. Returns
 * {included, final, reason, certificate} where certificate is checkCertificate's result.
 */
export async function checkInclusion(chainId, validatorKeys, answer, txHashHex) {
  const out = { included: false, final: false, reason: null, certificate: null };
  const header = hexToBytes(answer.headerEncoded);
  if (header.length !== HEADER_BYTES) {
    out.reason = 'the encoded header is ' + header.length + ' bytes, not ' + HEADER_BYTES;
    return out;
  }
  if (String(answer.hash).toLowerCase() !== String(txHashHex).toLowerCase()) {
    out.reason = 'the proof is for another transaction';
    return out;
  }
  const root = header.slice(TRANSACTIONS_ROOT_AT, TRANSACTIONS_ROOT_AT + 32);
  const p = answer.proof;
  const computed = await rootFromInclusionProof(hexToBytes(txHashHex), p.leafIndex, p.treeSize,
    p.path.map(hexToBytes));
  out.included = computed !== null && equalBytes(computed, root);
  const height = Number(new DataView(header.buffer, 1, 8).getBigUint64(0));
  const blockHash = bytesToHex(await sha256(header));
  out.certificate = await checkCertificate(chainId, validatorKeys, answer.certificate, blockHash, height);
  out.final = out.certificate.final;
  if (!out.included) {
    out.reason = 'the Merkle proof does not lead to the block\'s transactionsRoot';
  } else if (!out.final) {
    out.reason = out.certificate.reason;
  }
  return out;
}
