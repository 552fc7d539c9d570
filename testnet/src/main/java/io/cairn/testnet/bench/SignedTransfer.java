package io.cairn.testnet.bench;

/** One pre-signed transfer: its hash (hex), its canonical encoding (hex) for {@code tx_submit}, its sender and nonce. */
public record SignedTransfer(String hash, String encodedHex, int account, long nonce) {}
