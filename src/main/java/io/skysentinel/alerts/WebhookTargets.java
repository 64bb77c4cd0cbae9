package io.skysentinel.alerts;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts a rule's webhook may be sent to. Anyone who may create a rule chooses the URL the server POSTs to, so
 * without a rule the server can be made to call its own admin port, a database on the LAN or a cloud metadata service
 * (169.254.169.254). By default a webhook must resolve to public addresses only; {@code ALERTS_WEBHOOK_ALLOW} lists
 * host names ({@code hooks.example.org}, {@code *.example.org}) and address blocks ({@code 10.1.0.0/16}) that are
 * allowed even when private, and once set nothing else is; {@code ALERTS_WEBHOOK_ALLOW_PRIVATE=true} lifts the
 * private-address rule (a self-hosted receiver on the same machine or LAN).
 *
 * <p>Checked when a rule is written (a 400 naming {@code deliver.webhook}) and again before each delivery, since
 * a name can resolve elsewhere later; the HTTP client resolves once more when it connects, so a name that flips in
 * between is not caught (pinning the checked address would need a client that takes one).
 */
public final class WebhookTargets {

    /** Resolves a host name; a seam for tests, which must not depend on DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final WebhookTargets ANY = new WebhookTargets(List.of(), true, InetAddress::getAllByName);

    private final List<String> hosts = new ArrayList<>();
    private final List<AddressBlock> blocks = new ArrayList<>();
    private final boolean allowPrivate;
    private final Resolver resolver;

    /**
     * @param allow        host names, {@code *.}-prefixed suffixes and address blocks (CIDR); empty: any public host
     * @param allowPrivate whether private, loopback and link-local addresses are allowed anyway
     */
    public WebhookTargets(List<String> allow, boolean allowPrivate, Resolver resolver) {
        for (String a : allow) {
            String s = a.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) continue;
            if (s.indexOf('/') >= 0) blocks.add(AddressBlock.parse(s));
            else hosts.add(s);
        }
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * Why the webhook may not be called, or null when it may. A name that does not resolve now is allowed (DNS may be
     * down for a moment): the check before each delivery judges it then.
     */
    public String refusal(URI webhook) {
        String host = webhook.getHost();
        if (host == null) return "has no host";
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (namedInList(host)) return null;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return hosts.isEmpty() && blocks.isEmpty() ? null : notListed(host);
        }
        for (InetAddress a : addresses) {
            if (inBlocks(a)) continue;
            if (!hosts.isEmpty() || !blocks.isEmpty()) return notListed(host);
            if (!allowPrivate && AddressBlock.isPrivate(a))
                return "resolves to a private, loopback or link-local address (" + a.getHostAddress()
                        + "); list it in ALERTS_WEBHOOK_ALLOW or set ALERTS_WEBHOOK_ALLOW_PRIVATE=true";
        }
        return null;
    }

    private boolean namedInList(String host) {
        for (String h : hosts) {
            if (h.startsWith("*.") ? host.endsWith(h.substring(1)) : host.equals(h)) return true;
        }
        return false;
    }

    private boolean inBlocks(InetAddress a) {
        for (AddressBlock b : blocks) if (b.contains(a)) return true;
        return false;
    }

    private static String notListed(String host) {
        return "host " + host + " is not in ALERTS_WEBHOOK_ALLOW";
    }
}
