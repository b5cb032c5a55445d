package org.noticeline.subscription.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on loopback (GreenMail) at the port {@code %test.quarkus.mailer.port} names, and what tests read
 * from it: the mails to one address, with their headers, plain-text and HTML parts and the links in them.
 */
final class Mailbox implements AutoCloseable {

    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("NOTICELINE_TEST_SMTP_PORT", "42525"));
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/email/([a-z]+)/([A-Za-z0-9_]+)/([A-Za-z0-9_-]+)");

    private final GreenMail server;

    Mailbox() {
        ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // A session that stalls (see await) ends soon with a 421, which the service records and retries.
        setup.setReadTimeout(3000);
        server = new GreenMail(setup);
        server.start();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One received mail, read. */
    record Received(String subject, String text, String html, String listUnsubscribe, String listUnsubscribePost, String to) {

        /** The path ({@code /email/<page>/<id>/<signature>}) of this mail's first link to {@code page}. */
        String path(String page) {
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(page)) {
                    return "/email/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3);
                }
            }
            throw new AssertionError("no /email/" + page + " link in: " + text);
        }

        String subscriptionId() {
            return path("manage").split("/")[3];
        }
    }

    List<Received> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).map(Mailbox::read).toList();
    }

    /**
     * Waits until {@code address} has at least {@code count} mails; answers them all. Now and then a session of the
     * Vert.x mail client with this server stalls before the greeting until the server's read timeout (seen on loopback,
     * not explained); the service retries it on its schedule, so every few seconds {@code nudge} (moving the clock past
     * the first retry and running a round) lets the retry go now.
     */
    List<Received> await(String address, int count, Duration timeout, Runnable nudge) {
        long end = System.nanoTime() + timeout.toNanos();
        long nextNudge = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Received> got = to(address);
        while (got.size() < count && System.nanoTime() < end) {
            sleep(100);
            if (System.nanoTime() > nextNudge) {
                nudge.run();
                nextNudge = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            got = to(address);
        }
        if (got.size() < count) {
            throw new AssertionError(address + " received " + got.size() + " mails, expected " + count + ": "
                    + got.stream().map(Received::subject).toList());
        }
        return got;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? "" : m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage m) {
        try {
            List<String> text = new ArrayList<>();
            List<String> html = new ArrayList<>();
            collect(m.getContent(), m.getContentType(), text, html);
            return new Received(m.getSubject(), String.join("\n", text), String.join("\n", html), m.getHeader("List-Unsubscribe", ","),
                    m.getHeader("List-Unsubscribe-Post", ","), recipient(m));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Object content, String type, List<String> text, List<String> html) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), text, html);
            }
        } else if (content instanceof String s) {
            (type.toLowerCase().startsWith("text/html") ? html : text).add(s);
        }
    }
}
