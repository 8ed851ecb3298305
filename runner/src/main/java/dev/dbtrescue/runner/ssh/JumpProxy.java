// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.jspecify.annotations.Nullable;

/**
 * {@code ProxyJump}: reaches the next host through a {@code direct-tcpip} channel of an open session to the jump
 * host, like {@code ssh -J}; no local port is opened.
 */
final class JumpProxy implements Proxy {

    private final Session jump;
    private @Nullable Channel channel;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    JumpProxy(Session jump) {
        this.jump = jump;
    }

    @Override
    public void connect(@Nullable SocketFactory factory, String host, int port, int timeout) throws Exception {
        Channel forward = jump.getStreamForwarder(host, port);
        in = forward.getInputStream();
        out = forward.getOutputStream();
        forward.connect(timeout);
        channel = forward;
    }

    @Override
    public @Nullable InputStream getInputStream() {
        return in;
    }

    @Override
    public @Nullable OutputStream getOutputStream() {
        return out;
    }

    @Override
    public @Nullable Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        Channel c = channel;
        if (c != null) {
            c.disconnect();
        }
    }
}
