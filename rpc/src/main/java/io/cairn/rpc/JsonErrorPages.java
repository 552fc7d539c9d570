package io.cairn.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a malformed request line, headers too large, ...) as the same small
 * JSON body as every other HTTP error of the RPC, instead of Jetty's HTML page.
 */
final class JsonErrorPages extends ErrorHandler {

    /** {@code {"status": 404, "message": "..."}}: the body of every non-JSON-RPC error. */
    static byte[] body(int status, String message) {
        return JsonNodeFactory.instance.objectNode()
                .put("status", status)
                .put("message", message == null ? "" : message)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, RpcServer.JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(RpcServer.JSON);
        response.getOutputStream().write(body(code, message));
    }
}
