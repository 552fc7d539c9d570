/** The narrow ports the consensus core needs from the node: building and checking blocks. */
package io.cairn.consensus.types;
