package io.cairn.node.cli;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.node.client.ClientException;
import io.cairn.node.client.CommitWait;
import io.cairn.node.client.NodeClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code tx transfer|put|grant|revoke} share: read the key file, fill in the chain id and
 * nonce from the node unless given, sign here, submit only the signed encoding, print its hash,
 * and with {@code --wait} poll until it is committed. The key never leaves this process.
 */
abstract class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RpcOption rpc;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "the sender's key file (PKCS#8 PEM, as 'keys new' writes); read here, never sent")
    Path key;

    @Option(names = "--nonce", paramLabel = "N",
            description = "the sender's nonce (default: the account's next nonce, from state_getAccount)")
    Long nonce;

    @Option(names = "--chain-id", paramLabel = "ID",
            description = "the chain to sign for (default: the node's, from node_status)")
    String chainId;

    @ArgGroup(exclusive = false)
    Wait wait;

    static final class Wait {
        @Option(names = "--wait", required = true,
                description = "wait until the transaction is committed and print its block, index and outcome")
        boolean enabled;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = ArgumentTypes.Timeout.class,
                description = "how long --wait waits, e.g. 500ms, 30s, 2m (default: 30s)")
        Duration timeout = Duration.ofSeconds(30);
    }

    /** The operation the options describe; a {@link ParameterException} when they describe none. */
    abstract Operation operation();

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Operation operation = operation();
        KeyPair sender = KeyFile.read(key);
        NodeClient node = rpc.node();
        String chain = chainId != null ? chainId : node.chainId();
        long senderNonce = nonce != null ? nonce : node.nextNonce(sender.publicKey());
        Transaction transaction = Transaction.sign(chain, sender, senderNonce, operation);
        Hash hash = node.submit(transaction);
        PrintWriter out = spec.commandLine().getOut();
        out.println(hash.toHex());
        out.flush(); // the hash is worth having while --wait waits
        if (wait == null) {
            return CairnNode.OK;
        }
        CommitWait.Committed committed = new CommitWait(node, CommitWait.POLL_INTERVAL).await(hash, wait.timeout);
        out.println(committed);
        if (!committed.succeeded()) {
            throw new ClientException("transaction " + hash.toHex() + " was committed but failed: " + committed.outcome());
        }
        return CairnNode.OK;
    }

    private void checkOptions() {
        if (nonce != null && nonce < 0) {
            throw usage("--nonce must not be negative, got " + nonce);
        }
        if (chainId != null && !ProtocolLimits.isValidIdentifier(chainId, ProtocolLimits.CHAIN_ID_MAX_LENGTH)) {
            throw usage("--chain-id must be 1 to " + ProtocolLimits.CHAIN_ID_MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ -, got '" + chainId + "'");
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
