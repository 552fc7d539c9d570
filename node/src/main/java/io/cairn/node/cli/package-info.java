/**
 * The {@code cairn-node} command line (picocli): {@code run --config FILE}, {@code keys new --out
 * FILE}, {@code keys show FILE}. {@link io.cairn.node.cli.CairnNode} maps failures to one line on
 * stderr and an exit code: 2 for bad usage, config or key files, 1 for a node that fails while
 * running.
 */
package io.cairn.node.cli;
