package dev.wipflow.extract;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Dns;

/**
 * Resolves with the delegate, then refuses the whole answer if any address is private or otherwise local, so a
 * host cannot smuggle an internal address in among public ones. Hosts in {@code trusted} are let through.
 */
final class GuardedDns implements Dns {
    private final Dns delegate;
    private final Set<String> trusted;

    GuardedDns(Dns delegate, Set<String> trusted) {
        this.delegate = delegate;
        this.trusted = trusted;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (trusted.contains(hostname)) return delegate.lookup(hostname);
        Optional<String> badName = AddressPolicy.refuseName(hostname);
        if (badName.isPresent()) throw new RefusedAddressException(badName.get());
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            Optional<String> why = AddressPolicy.refuse(address);
            if (why.isPresent()) throw new RefusedAddressException(hostname + " resolves to " + why.get());
        }
        return addresses;
    }
}
