/**
 * What the node tells operators about itself: {@link io.cairn.node.metrics.NodeMetrics} (the
 * Prometheus registry behind {@code /metrics}) and {@link io.cairn.node.metrics.NodeHealth} (the
 * state behind {@code /health}). Both read the running node through
 * {@link io.cairn.node.metrics.NodeReadings}, so that tests can hand them any state they like;
 * the metrics that count moments (commits, view changes) are fed by the consensus driver's
 * callbacks. docs/metrics.md lists every metric.
 */
package io.cairn.node.metrics;
