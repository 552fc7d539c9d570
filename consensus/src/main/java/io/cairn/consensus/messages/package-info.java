/** The PBFT messages, their sign-bytes ({@link io.cairn.consensus.messages.SignBytes}) and wire codec. */
package io.cairn.consensus.messages;
