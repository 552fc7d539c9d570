package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Permission;

/** Accounts and the values they anchored, as the API shows them: the address is the public key in hex. */
public final class AccountJson {
    private AccountJson() {}

    /** {@code address, balance, nonce, permissions} with permissions by name, in declaration order. */
    public static ObjectNode of(PublicKey address, Account account) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("address", address.toHex())
                .put("balance", account.balance())
                .put("nonce", account.nonce());
        ArrayNode permissions = json.putArray("permissions");
        for (Permission permission : account.permissions()) {
            permissions.add(permission.jsonName());
        }
        return json;
    }

    /** {@code owner, key, value}: a value anchored by a put, key and value in hex. */
    public static ObjectNode value(PublicKey owner, byte[] key, byte[] value) {
        return JsonNodeFactory.instance.objectNode()
                .put("owner", owner.toHex())
                .put("key", Hex.encode(key))
                .put("value", Hex.encode(value));
    }
}
