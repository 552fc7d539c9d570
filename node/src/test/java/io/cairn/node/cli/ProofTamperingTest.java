package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.chain.Certificates;
import io.cairn.node.chain.TestCertificates;
import io.cairn.rpc.json.BlockJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each part of a real proof, changed, makes {@code verify-proof} refuse with exit 1 and a line
 * naming the check that failed; the same answer unchanged verifies (so each refusal is the change's).
 */
class ProofTamperingTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 6);
    private static final int INDEX = 2;
    private static ProofFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildChain() {
        fixture = ProofFixture.block(GENESIS, 6, 23);
    }

    @Test
    void theUntouchedAnswerVerifies() throws Exception {
        assertThat(run(answer()).exitCode()).isZero();
    }

    @Test
    void aChangedPathElementDoesNotLeadToTheRoot() throws Exception {
        ObjectNode answer = answer();
        ArrayNode path = (ArrayNode) answer.get("proof").get("path");
        path.set(1, FakeNode.JSON.getNodeFactory().textNode(flipLastDigit(path.get(1).asText())));

        assertRefused(answer, "proof: the path does not lead from transaction " + hash() + " at leaf 2 of 6"
                + " to the header's transactionsRoot " + fixture.block().header().transactionsRoot().toHex());
    }

    @Test
    void anotherLeafIndexDoesNotLeadToTheRoot() throws Exception {
        ObjectNode answer = answer().put("index", 3);
        ((ObjectNode) answer.get("proof")).put("leafIndex", 3);

        assertRefused(answer, "proof: the path does not lead from transaction " + hash() + " at leaf 3 of 6");
    }

    @Test
    void aLeafIndexThatIsNotTheTransactionsIndexIsRefused() throws Exception {
        ObjectNode answer = answer();
        ((ObjectNode) answer.get("proof")).put("leafIndex", 3);

        assertRefused(answer, "proof.leafIndex: 3, the transaction's index is 2");
    }

    @Test
    void aTreeSizeThatIsNotTheBlocksTransactionCountIsRefused() throws Exception {
        ObjectNode answer = answer();
        ((ObjectNode) answer.get("proof")).put("treeSize", 7);

        assertRefused(answer, "proof.treeSize: 7, the block holds 6 transactions");
    }

    @Test
    void anotherTransactionsHashIsNotInTheTree() throws Exception {
        ObjectNode answer = answer().put("hash", fixture.transactionHash(INDEX + 1).toHex());

        assertRefused(answer, "proof: the path does not lead from transaction " + fixture.transactionHash(INDEX + 1).toHex());
    }

    @Test
    void aShownHeaderFieldThatIsNotTheSignedOneIsRefused() throws Exception {
        String stateRoot = fixture.block().header().stateRoot().toHex();
        ObjectNode answer = answer();
        ((ObjectNode) answer.get("header")).put("stateRoot", flipLastDigit(stateRoot));
        ObjectNode laterTime = answer();
        ((ObjectNode) laterTime.get("header")).put("timestampMillis", fixture.block().header().timestampMillis() + 1);

        assertRefused(answer, "header.stateRoot: shown as " + flipLastDigit(stateRoot) + ", the signed header holds " + stateRoot);
        assertRefused(laterTime, "header.timestampMillis: shown as " + (fixture.block().header().timestampMillis() + 1));
    }

    @Test
    void aChangedHeaderEncodingIsNotTheCertifiedBlock() throws Exception {
        ObjectNode answer = answer();
        answer.put("headerEncoded", flipLastDigit(answer.get("headerEncoded").asText()));

        assertRefused(answer, "headerEncoded: its SHA-256 ");
        assertThat(run(answer).err()).contains("is not the block hash the certificate signs, " + fixture.block().hash().toHex());
    }

    @Test
    void aChangedSignatureIsRefused() throws Exception {
        ObjectNode answer = answer();
        ObjectNode second = (ObjectNode) answer.get("certificate").get("signatures").get(1);
        second.put("signature", flipLastDigit(second.get("signature").asText()));

        assertRefused(answer, "certificate: the commit signature of validator 1 does not verify"
                + " (genesis of chain 'cairn-test' with 4 validators)");
    }

    @Test
    void fewerSignersThanAQuorumAreRefused() throws Exception {
        ObjectNode answer = answer();
        ((ArrayNode) answer.get("certificate").get("signatures")).remove(2);

        assertRefused(answer, "certificate: 2 commit signatures, a quorum is 3");
    }

    @Test
    void aCertificateForAnotherBlockHashIsRefused() throws Exception {
        ObjectNode answer = answer();
        ((ObjectNode) answer.get("certificate")).put("blockHash", flipLastDigit(fixture.block().hash().toHex()));

        assertRefused(answer, "certificate: the commit signature of validator 0 does not verify");
    }

    @Test
    void aQuorumSigningTheBlockHashAtAnotherHeightIsRefused() throws Exception {
        ObjectNode answer = answer();
        answer.set("certificate", BlockJson.certificate(Certificates.toLedger(TestCertificates.commit(
                GENESIS.chainId(), 99, 0, fixture.block().hash(), 0, 1, 2))));

        assertRefused(answer, "certificate.height: 99, the header's height is " + fixture.block().height());
    }

    @Test
    void anAnswerHeightThatIsNotTheHeadersIsRefused() throws Exception {
        assertRefused(answer().put("height", 1), "height: 1, the header's height is " + fixture.block().height());
    }

    @Test
    void theSameProofAgainstAnotherChainsGenesisIsRefused() throws Exception {
        Genesis otherChainId = new Genesis("other-chain", GENESIS.genesisTimeMillis(), GENESIS.consensus(),
                GENESIS.validators(), GENESIS.admins(), GENESIS.accounts());
        List<Validator> strangers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            strangers.add(new Validator("v" + i, TestKeys.account(i).publicKey()));
        }
        Genesis otherValidators = new Genesis(GENESIS.chainId(), GENESIS.genesisTimeMillis(), GENESIS.consensus(),
                strangers, GENESIS.admins(), GENESIS.accounts());
        Genesis moreValidators = TestGenesis.of(7, 6);

        assertThat(runAgainst(otherChainId).err()).contains("not verified: certificate: the commit signature of"
                + " validator 0 does not verify (genesis of chain 'other-chain' with 4 validators)");
        assertThat(runAgainst(otherValidators).err()).contains("not verified: certificate: the commit signature of"
                + " validator 0 does not verify (genesis of chain 'cairn-test' with 4 validators)");
        assertThat(runAgainst(moreValidators).err()).contains("not verified: certificate: 3 commit signatures,"
                + " a quorum is 5");
    }

    @Test
    void malformedFieldsAreNamed() throws Exception {
        ObjectNode upperCase = answer().put("hash", hash().toUpperCase(Locale.ROOT));
        ObjectNode shortPath = answer();
        ((ArrayNode) shortPath.get("proof").get("path")).set(0, FakeNode.JSON.getNodeFactory().textNode("abcd"));
        ObjectNode extraHeaderField = answer();
        ((ObjectNode) extraHeaderField.get("header")).put("gasUsed", 0);
        ObjectNode noCertificate = answer();
        noCertificate.remove("certificate");
        ObjectNode negativeIndex = answer().put("index", -1);

        assertRefused(upperCase, "hash: expected lower-case hex");
        assertRefused(shortPath, "proof.path[0]: expected 64 hex characters, got 4");
        assertRefused(extraHeaderField, "header.gasUsed: not a field of a block header");
        assertRefused(noCertificate, "certificate: expected an object, got nothing (the field is missing)");
        assertRefused(negativeIndex, "index: expected an integer from 0 to 9223372036854775807, got number -1");
    }

    private ObjectNode answer() {
        return fixture.answer(INDEX);
    }

    private static String hash() {
        return fixture.transactionHash(INDEX).toHex();
    }

    private void assertRefused(ObjectNode answer, String reason) throws Exception {
        CommandRun run = run(answer);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("cairn-node: not verified: " + reason);
        assertThat(run.out()).isEmpty();
    }

    private CommandRun run(ObjectNode answer) throws Exception {
        Path proof = ProofFixture.write(dir, "proof.json", answer);
        return CommandRun.of("verify-proof", "--genesis", fixture.writeGenesis(dir).toString(), proof.toString());
    }

    private CommandRun runAgainst(Genesis genesis) throws Exception {
        Path proof = ProofFixture.write(dir, "proof.json", answer());
        Path genesisFile = new ProofFixture(genesis, fixture.block(), fixture.certificate()).writeGenesis(dir);
        CommandRun run = CommandRun.of("verify-proof", "--genesis", genesisFile.toString(), proof.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        return run;
    }

    /** The same hex with its last digit changed: one bit of difference, still well-formed. */
    private static String flipLastDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }
}
