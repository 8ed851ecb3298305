// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port that can stop passing bytes without closing anything: to both ends the network
 * has gone silent, as when a VPN or a NAT drops a connection, which only keepalives can notice.
 */
final class FreezableRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FreezableRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    static FreezableRelay to(int targetPort) throws IOException {
        FreezableRelay relay =
                new FreezableRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        Thread.ofPlatform().daemon().name("relay-accept").start(relay::accept);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, nothing passes in either direction; the sockets stay open. */
    void freeze() {
        frozen = true;
    }

    private void accept() {
        try {
            while (!closed) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Thread.ofPlatform().daemon().name("relay-up").start(() -> pump(client, server));
                Thread.ofPlatform().daemon().name("relay-down").start(() -> pump(server, client));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                while (frozen && !closed) {
                    Thread.sleep(100); // hold the bytes: they never arrive
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every socket: both ends now see the connection closed. */
    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
