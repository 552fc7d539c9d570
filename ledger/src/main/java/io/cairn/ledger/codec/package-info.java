/**
 * The one canonical binary encoding of Cairn, used for hashing, signing, storage and the wire.
 *
 * <p>Integers are fixed-width big-endian, lengths are prefixes of a fixed width with a hard
 * maximum, lists are counted, and every value has exactly one encoding. Decoding is strict:
 * unknown versions and kinds, out-of-range values, oversized lengths, unsorted or repeated
 * entries and trailing bytes are {@link io.cairn.crypto.encoding.DecodeException}s that name the
 * field and the byte offset. Nothing is allocated before its size has been checked against both
 * the protocol limit and the bytes actually present. The layout is documented in
 * docs/transactions.md.
 */
package io.cairn.ledger.codec;
