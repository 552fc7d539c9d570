package io.cairn.rpc.api;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;

/**
 * A node's live state, as {@code node_status} reports it.
 *
 * @param nodeId this validator's public key
 * @param height the committed head; {@code headHash} its block hash (the genesis hash at 0)
 * @param view the view of the height being decided; {@code primary} its primary's index
 * @param syncing true while the node fetches blocks it is missing from peers
 */
public record NodeStatus(String chainId, PublicKey nodeId, int validatorIndex, long height, Hash headHash,
        Hash stateRoot, long view, int primary, int peers, boolean syncing, int mempoolSize, long mempoolBytes) {}
