/**
 * The primitives of Cairn's one canonical binary encoding, shared by the ledger's codec and the
 * consensus messages: fixed-width big-endian integers, length-checked byte strings, and strict
 * reading that names the field and offset of every error. What is encoded, and in which order,
 * is each module's codec's business.
 */
package io.cairn.crypto.encoding;
