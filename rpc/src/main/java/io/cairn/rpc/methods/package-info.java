/** The API's methods: {@link io.cairn.rpc.methods.RpcRoutes} lists them, one handler class per namespace. */
package io.cairn.rpc.methods;
