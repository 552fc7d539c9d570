package io.cairn.node.cli;

import io.cairn.node.Node;
import io.cairn.node.config.NodeConfig;
import io.cairn.node.config.NodeSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run --config FILE}: checks the whole config, then runs the node until the process is stopped. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run the node until it is stopped (SIGTERM or Ctrl-C).",
            "The config, the genesis and the key are checked first; a wrong or missing field",
            "stops the node with one line naming it, before anything is written."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "the node's config file: *.yaml, *.yml or *.json")
    Path config;

    @Override
    public Integer call() throws Exception {
        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(config));
        LOG.info("config {}: validator {} (index {} of {}) of chain '{}'; p2p {}, rpc {}, {} peer(s), data dir {}",
                config, settings.selfValidator().name(), settings.self(), settings.genesis().validators().size(),
                settings.genesis().chainId(), settings.config().p2pListen(), settings.config().rpcListen(),
                settings.peers().size(), settings.dataDir());
        Node node = Node.start(settings);
        Thread closeOnExit = new Thread(node::close, "cairn-node-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            node.awaitShutdown();
        } finally {
            if (removeHook(closeOnExit)) {
                node.close(); // stopped from inside (or interrupted), not by a signal: close it here
            }
        }
        return CairnNode.OK;
    }

    /** False while the JVM is shutting down: then the hook is the one closing the node. */
    private static boolean removeHook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
