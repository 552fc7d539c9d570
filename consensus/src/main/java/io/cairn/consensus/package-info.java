/** PBFT for blocks as a pure state machine: events in, actions out, no I/O. (Issue 3.) */
package io.cairn.consensus;
