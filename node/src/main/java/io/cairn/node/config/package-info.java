/**
 * The node's config file and the settings it resolves to.
 *
 * <p>Two steps, both read-only. {@link io.cairn.node.config.NodeConfig#load} reads the YAML or
 * JSON file and checks each field on its own: known names only, types, {@code host:port} and
 * {@code validator@host:port} forms, ranges, paths resolved against the file's directory.
 * {@link io.cairn.node.config.NodeSettings#resolve} then reads the genesis and the key and checks
 * what spans fields: the key is a validator, each peer names another validator once, the listen
 * sockets differ, the data directory can exist, the limits fit the chain. Either step fails with
 * one {@link io.cairn.node.config.ConfigException} whose single line starts with the config file
 * and names the field, before the node creates or writes anything. The format is in
 * docs/node-config.md.
 */
package io.cairn.node.config;
