/** Checks of certificates, view changes and new views, and the rule for what a new view proposes. */
package io.cairn.consensus.validation;
