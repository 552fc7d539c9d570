/** The narrow interface through which the RPC reads the node; the node module implements it. */
package io.cairn.rpc.api;
