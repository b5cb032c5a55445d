package org.noticeline.subscription.email;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP relay that refuses every mail with {@code 554} at once: a hard failure that still answers, on the port the
 * mailer uses while the {@link Mailbox} is stopped. (A port nobody listens on would do too, but the Vert.x mail client
 * then stalls its next connection on that event loop, which would slow the tests after it.)
 */
final class RefusingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    RefusingRelay(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        thread = new Thread(this::serve, "refusing-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("554 5.3.2 this relay refuses all mail (test)\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Closes the port and returns once it is free. A socket closed while a thread is blocked in its accept is released
     * only when that thread leaves it, so the {@link Mailbox} started next on this port could find it still listening
     * (seen on CI: GreenMail's bind failed with "Address already in use").
     */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
