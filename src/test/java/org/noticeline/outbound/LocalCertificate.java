package org.noticeline.outbound;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for one DNS name (and no IP address), made by the JDK's keytool, with
 * its key in a PKCS#12 file: the server side of a TLS test, and what the client there trusts.
 */
public final class LocalCertificate {

    private static final String PASSWORD = "local-test";

    private final Path keyStore;

    private LocalCertificate(Path keyStore) {
        this.keyStore = keyStore;
    }

    public static LocalCertificate forName(String dnsName, Path directory) {
        Path keyStore = directory.resolve(dnsName + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + dnsName, "-ext", "SAN=dns:" + dnsName, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        try {
            Process keytoolRun = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytoolRun.waitFor(60, TimeUnit.SECONDS) || keytoolRun.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
        return new LocalCertificate(keyStore);
    }

    /** The PKCS#12 file: key and certificate. */
    public Path keyStore() {
        return keyStore;
    }

    public String password() {
        return PASSWORD;
    }

    /** A server's TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + keyStore, e);
        }
    }
}
