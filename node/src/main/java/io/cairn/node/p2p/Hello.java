package io.cairn.node.p2p;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.ProtocolLimits;

/**
 * The first frame each side sends once TLS is up: which protocol it speaks, which chain it is
 * on, and which validator it is. Encoding: u16 version, chain id (u8 length + ASCII), the
 * 32-byte genesis hash, u16 validator index.
 */
record Hello(int version, String chainId, Hash genesisHash, int validator) {
    static final int PROTOCOL_VERSION = 1;

    byte[] encode() {
        return new ByteWriter(2 + 1 + chainId.length() + Hash.SIZE + 2)
                .u16(version)
                .identifier(chainId)
                .hash(genesisHash)
                .u16(validator)
                .toByteArray();
    }

    static Hello decode(byte[] frame) throws DecodeException {
        ByteReader reader = new ByteReader(frame, "p2p hello");
        int version = reader.u16("version");
        if (version != PROTOCOL_VERSION) {
            // Checked first: a later version may lay out the rest differently.
            throw reader.errorAt(0, "version", version + " is not the version this node speaks (" + PROTOCOL_VERSION + ")");
        }
        String chainId = reader.identifier("chainId", ProtocolLimits.CHAIN_ID_MAX_LENGTH);
        Hash genesisHash = reader.hash("genesisHash");
        int validator = reader.u16("validator");
        reader.expectEnd();
        return new Hello(version, chainId, genesisHash, validator);
    }
}
