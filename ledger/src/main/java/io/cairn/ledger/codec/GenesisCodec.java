package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Validator;

/**
 * The bytes hashed into the genesis hash. Genesis itself lives in a JSON file; this encoding
 * only fixes what "the same genesis" means.
 * <pre>
 *   u8 version (1) | u8 n, chain id | u64 genesis time ms
 *   | u32 max block transactions | u32 max block bytes | u32 max transaction bytes | u64 view change timeout ms
 *   | u16 count × (u8 n, name | public key (32))              validators, in order
 *   | u32 count × public key (32)                            admins, in order
 *   | u32 count × (public key (32) | u64 balance | u8 permission bits)   accounts, in order
 * </pre>
 */
public final class GenesisCodec {
    public static final int VERSION = 1;

    private GenesisCodec() {}

    public static byte[] encode(Genesis genesis) {
        ConsensusParams params = genesis.consensus();
        ByteWriter writer = new ByteWriter(256 + genesis.accounts().size() * 41)
                .u8(VERSION)
                .identifier(genesis.chainId())
                .u64(genesis.genesisTimeMillis())
                .u32(params.maxBlockTransactions())
                .u32(params.maxBlockBytes())
                .u32(params.maxTransactionBytes())
                .u64(params.viewChangeTimeoutMillis())
                .u16(genesis.validators().size());
        for (Validator validator : genesis.validators()) {
            writer.identifier(validator.name()).publicKey(validator.publicKey());
        }
        writer.u32(genesis.admins().size());
        for (PublicKey admin : genesis.admins()) {
            writer.publicKey(admin);
        }
        writer.u32(genesis.accounts().size());
        for (GenesisAccount account : genesis.accounts()) {
            writer.publicKey(account.publicKey()).u64(account.balance()).u8(Permission.toBits(account.permissions()));
        }
        return writer.toByteArray();
    }
}
