/**
 * Cairn's cryptography: Ed25519 keys and signatures (Bouncy Castle's RFC 8032 code, not the
 * JDK's, which measured about 8x slower), SHA-256, a Merkle tree over transaction hashes with
 * inclusion proofs, key files, and hex.
 *
 * <p>Values ({@link io.cairn.crypto.Hash}, {@link io.cairn.crypto.PublicKey},
 * {@link io.cairn.crypto.Signature}) are immutable and compare by content. A
 * {@link io.cairn.crypto.KeyPair} never prints its secret; only {@link io.cairn.crypto.KeyFile}
 * writes it, with owner-only permissions.
 */
package io.cairn.crypto;
