/** How ledger records and node state look in JSON: hashes and keys as lower-case hex, numbers as numbers. */
package io.cairn.rpc.json;
