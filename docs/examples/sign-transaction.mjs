// Builds and signs the two test-vector transactions of docs/transactions.md from that page
// alone, with nothing but Node.js's own crypto; prints them in the page's "name  hex" form.
// Run: node docs/examples/sign-transaction.mjs
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';

const u8 = (n) => Buffer.from([n]);
const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; };
const ascii = (s) => Buffer.from(s, 'ascii');

// An Ed25519 private key from its 32-byte RFC 8032 seed, through its PKCS#8 (RFC 8410) form.
function keyFromSeed(seed) {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: spki.subarray(spki.length - 32) };
}

function transaction(chainId, key, nonce, kind, body) {
  const unsigned = Buffer.concat([u8(1), u8(chainId.length), ascii(chainId), key.publicKey, u64(nonce), u8(kind), body]);
  const signBytes = Buffer.concat([ascii('cairn-tx'), unsigned]);
  const signature = sign(null, signBytes, key.privateKey);
  const encoding = Buffer.concat([unsigned, signature]);
  const hash = createHash('sha256').update(encoding).digest();
  return { signBytes, signature, encoding, hash };
}

const seed = Buffer.from([...Array(32).keys()]);
const key = keyFromSeed(seed);
const recipient = keyFromSeed(Buffer.from([...Array(32).keys()].map((i) => 0x20 + i))).publicKey;

const transfer = transaction('cairn-example', key, 0, 0x01, Buffer.concat([recipient, u64(250)]));
const putKey = ascii('invoice/42');
const putValue = ascii('sha256:9f86d081884c7d65');
const put = transaction('cairn-example', key, 1, 0x02,
  Buffer.concat([u16(putKey.length), putKey, u16(putValue.length), putValue]));

const line = (name, bytes) => console.log(name.padEnd(21) + bytes.toString('hex'));
line('seed', seed);
line('public key', key.publicKey);
line('recipient', recipient);
for (const [name, tx] of [['transfer', transfer], ['put', put]]) {
  line(`${name} sign-bytes`, tx.signBytes);
  line(`${name} signature`, tx.signature);
  line(`${name} encoding`, tx.encoding);
  line(`${name} hash`, tx.hash);
}
