package org.noticeline.outbound;

import java.io.IOException;

/** A request to another host that was refused by our policy or failed; the message says which and why, for the admin pages. */
public class OutboundException extends IOException {

    public OutboundException(String message) {
        super(message);
    }

    public OutboundException(String message, Throwable cause) {
        super(message, cause);
    }
}
