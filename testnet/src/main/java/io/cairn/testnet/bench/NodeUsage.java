package io.cairn.testnet.bench;

/**
 * One node's load during the run: CPU seconds used while the bench ran, that as a share of one core, and resident
 * memory at the end. Null fields are "n/a": the node is not a process on this machine, or its pid file is missing.
 */
public record NodeUsage(int node, Long pid, Double cpuSeconds, Double cpuPercentOfOneCore, Long residentBytes) {
    public static NodeUsage between(int node, ProcessResources before, ProcessResources after, double wallSeconds) {
        if (before == null || after == null || before.pid() != after.pid()) {
            return new NodeUsage(node, after == null ? null : after.pid(), null, null,
                    after == null ? null : after.residentBytes());
        }
        double cpu = after.cpuSeconds() - before.cpuSeconds();
        return new NodeUsage(node, after.pid(), cpu, wallSeconds > 0 ? 100 * cpu / wallSeconds : null,
                after.residentBytes());
    }
}
