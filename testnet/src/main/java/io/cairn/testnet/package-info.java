/** Runs a whole network of node processes on one machine, with faults and benchmarks. (Issue 7.) */
package io.cairn.testnet;
