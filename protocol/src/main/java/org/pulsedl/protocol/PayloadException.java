package org.pulsedl.protocol;

/**
 * An intact frame whose payload does not fit its type's layout (a peer bug or an incompatible version). The
 * message names the message type and the mismatch in wire terms; a receiver answers NACK BAD_PAYLOAD.
 */
public final class PayloadException extends RuntimeException {
    public PayloadException(String message) {
        super(message);
    }
}
