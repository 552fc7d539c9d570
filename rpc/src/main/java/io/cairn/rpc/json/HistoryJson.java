package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.store.AccountTransaction;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tx_listByAccount}: one page of an account's transactions and the cursor of the next.
 * A cursor is the text {@code "<height>:<index>"} of the last transaction shown; clients pass
 * it back as they got it.
 */
public final class HistoryJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,19}):([0-9]{1,10})");

    private HistoryJson() {}

    /** {@code transactions: [{hash, height, index, kind, sender, outcome}], next} with next null on the last page. */
    public static ObjectNode page(List<AccountTransaction> transactions, Optional<Cursor> next) {
        ObjectNode json = JSON.objectNode();
        ArrayNode list = json.putArray("transactions");
        for (AccountTransaction entry : transactions) {
            list.addObject()
                    .put("hash", entry.receipt().transactionHash().toHex())
                    .put("height", entry.receipt().height())
                    .put("index", entry.receipt().index())
                    .put("kind", entry.transaction().operation().kind().jsonName())
                    .put("sender", entry.transaction().sender().toHex())
                    .put("outcome", TransactionJson.outcomeName(entry.receipt().outcome()));
        }
        json.put("next", next.map(HistoryJson::cursor).orElse(null));
        return json;
    }

    public static String cursor(Cursor cursor) {
        return cursor.height() + ":" + cursor.index();
    }

    /** The cursor {@link #cursor} wrote. */
    public static Cursor parseCursor(String text) {
        Matcher matcher = CURSOR.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected \"<height>:<index>\" as a previous page's 'next' gives it");
        }
        try {
            return new Cursor(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its height or index is out of range");
        }
    }
}
