// Runs the explorer's js/verify.js under Node.js for ExplorerVerifyTest: reads a JSON file
// {module, calls: [{op, args}]}, calls each function of the module with the arguments (hex strings
// become bytes where the function takes bytes) and prints one JSON array of the results, bytes as hex.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const verify = await import(pathToFileURL(input.module).href);
const bytes = verify.hexToBytes;
const hex = (value) => (value instanceof Uint8Array ? verify.bytesToHex(value) : value);

const ops = {
  sha256: ([data]) => verify.sha256(bytes(data)).then(hex),
  quorum: ([n]) => verify.quorum(n),
  encodeHeader: ([header]) => hex(verify.encodeHeader(header)),
  commitSignBytes: ([chainId, height, view, blockHash]) => hex(verify.commitSignBytes(chainId, height, view, blockHash)),
  merkleRoot: ([items]) => verify.merkleRoot(items.map(bytes)).then(hex),
  rootFromInclusionProof: ([item, leafIndex, treeSize, path]) =>
    verify.rootFromInclusionProof(bytes(item), leafIndex, treeSize, path.map(bytes)).then(hex),
  ed25519Supported: () => verify.ed25519Supported(),
  checkBlock: ([chainId, keys, block]) => verify.checkBlock(chainId, keys, block),
  checkCertificate: ([chainId, keys, certificate, blockHash, height]) =>
    verify.checkCertificate(chainId, keys, certificate, blockHash, height),
  checkInclusion: ([chainId, keys, answer, txHash]) => verify.checkInclusion(chainId, keys, answer, txHash),
};

const results = [];
for (const call of input.calls) {
  try {
    results.push(await ops[call.op](call.args || []));
  } catch (e) {
    results.push({ thrown: String(e && e.message) });
  }
}
process.stdout.write(JSON.stringify(results));
