package dev.wipflow.extract;

import java.net.UnknownHostException;

/** Raised inside OkHttp's DNS step when a host resolves to an address the fetcher must not reach. */
final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String message) {
        super(message);
    }
}
