package io.cairn.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.genesis.GenesisException;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.node.client.InputFileException;
import io.cairn.node.client.ProofAnswerJson;
import io.cairn.node.client.ProofRejected;
import io.cairn.node.client.ProofVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-proof --genesis FILE [PROOF|-]}: checks a {@code tx_getProof} answer offline. */
@Command(name = "verify-proof", mixinStandardHelpOptions = true,
        description = {"Check a tx_getProof answer offline, against a genesis file.",
            "The commit certificate must be signed by a quorum of the genesis validators, the header",
            "must be the block it signs, and the Merkle path must put the transaction in that header.",
            "Reads the answer (its result, or the whole JSON-RPC response) from a file or stdin."})
final class VerifyProofCommand implements Callable<Integer> {
    private static final String STDIN = "-";
    /** A proof is a few KiB; this bounds what a wrong file can make us read. */
    private static final int MAX_PROOF_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "the chain's genesis file")
    Path genesis;

    @Parameters(index = "0", arity = "0..1", defaultValue = STDIN, paramLabel = "PROOF_JSON_FILE|-",
            description = "the tx_getProof answer; '-' or none reads stdin")
    String proof;

    @Override
    public Integer call() throws GenesisException, InputFileException, ProofRejected {
        Genesis chain = GenesisFile.read(genesis);
        JsonNode document = parse(read());
        ProofVerifier.Verified verified = ProofVerifier.verify(ProofAnswerJson.read(document), chain);
        spec.commandLine().getOut().println(verified);
        return CairnNode.OK;
    }

    private byte[] read() throws InputFileException {
        String source = proof.equals(STDIN) ? "stdin" : "proof file " + proof;
        try (InputStream in = proof.equals(STDIN) ? System.in : Files.newInputStream(Path.of(proof))) {
            byte[] bytes = in.readNBytes(MAX_PROOF_BYTES + 1);
            if (bytes.length > MAX_PROOF_BYTES) {
                throw new InputFileException(source + " holds more than " + MAX_PROOF_BYTES + " bytes; a proof is far smaller");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputFileException(source + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InputFileException(source + " is not readable: permission denied");
        } catch (IOException e) {
            throw new InputFileException("cannot read " + source + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] bytes) throws ProofRejected {
        try {
            JsonNode document = JSON.readTree(bytes);
            if (document == null || document.isMissingNode()) {
                throw new ProofRejected("the proof is empty");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new ProofRejected("the proof is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProofRejected("the proof cannot be parsed: " + e.getMessage());
        }
    }
}
