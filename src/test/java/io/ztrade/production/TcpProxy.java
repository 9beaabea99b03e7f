package io.ztrade.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of PostgreSQL that a test can cut (connections dropped, new ones refused) and restore, or
 * freeze: connections stay open but no byte goes through either way, as a database that hangs.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object gate = new Object();
    private boolean frozen;
    private long heldFromClients;
    private String firstHeld = "";

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = ProductionServices.closedPort();
        restore();
    }

    int port() {
        return port;
    }

    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", port));
        server = listening;
        Thread accept = new Thread(() -> accept(listening), "tcp-proxy-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    /** Drops every open connection and refuses new ones, as a database host that went away. */
    synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
        // only now: a held byte must never reach the database after its connection was dropped
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Holds every byte from now on, in both directions, until {@link #cut()} drops them with the connections. */
    void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    /**
     * Waits until a client sent something since {@link #freeze()}: the node tried to use the database.
     *
     * @return what it sent first (printable characters only), or null if nothing came in time
     */
    String awaitClientBytesWhileFrozen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (gate) {
            while (heldFromClients == 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                gate.wait(left);
            }
            return heldFromClients + " bytes, first: " + firstHeld;
        }
    }

    private void holdWhileFrozen(Socket from, byte[] buffer, int read, boolean fromClient) throws IOException {
        synchronized (gate) {
            if (frozen && fromClient) {
                if (heldFromClients == 0) {
                    firstHeld = new String(buffer, 0, read, StandardCharsets.ISO_8859_1)
                            .replaceAll("[^\\x20-\\x7e]", ".");
                }
                heldFromClients += read;
                gate.notifyAll();
            }
            while (frozen && !from.isClosed()) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while frozen", e);
                }
            }
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream, true);
                pipe(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    holdWhileFrozen(from, buffer, read, fromClient);
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException dropped) {
                // the other side or cut() closed it
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
