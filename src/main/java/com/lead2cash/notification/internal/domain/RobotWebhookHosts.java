package com.lead2cash.notification.internal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a group robot's webhook may point: https on one of the configured hosts (by default DingTalk's
 * and WeCom's robot hosts), so that an administrator cannot make the server post to, and read back,
 * an internal address, on https's own port. Plain http, on any port, only where configured (tests against a local
 * server).
 *
 * @param hosts     the host names a webhook may name, exactly (no sub-domains)
 * @param plainHttp whether {@code http://} is accepted besides {@code https://}
 */
public record RobotWebhookHosts(Set<String> hosts, boolean plainHttp) {

    public RobotWebhookHosts {
        hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static RobotWebhookHosts of(List<String> hosts, boolean plainHttp) {
        return new RobotWebhookHosts(Set.copyOf(hosts), plainHttp);
    }

    public boolean allows(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean schemeAllowed = "https".equalsIgnoreCase(scheme) || plainHttp && "http".equalsIgnoreCase(scheme);
            // user info ("https://oapi.dingtalk.com@10.0.0.1/") is no business of a robot address, nor is a port
            // other than https's own: the robot hosts answer on 443 (a local test server, with plain http, on any)
            boolean portAllowed = uri.getPort() == -1 || plainHttp
                    || uri.getPort() == 443 && "https".equalsIgnoreCase(scheme);
            return schemeAllowed && portAllowed && uri.getHost() != null && uri.getRawUserInfo() == null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether a robot of this channel may post to the address: one the configured hosts allow, and not another
     * channel's robot host (a DingTalk robot on WeCom's host, or the reverse, would post messages the other service
     * refuses).
     */
    public boolean allows(Channel channel, String url) {
        return allows(url) && !isOtherChannelsHost(channel, url);
    }

    /** Whether the address names the robot host of a channel other than this one. */
    public boolean isOtherChannelsHost(Channel channel, String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return false;
            }
            String named = host.toLowerCase(Locale.ROOT);
            return java.util.Arrays.stream(Channel.values())
                    .anyMatch(c -> c != channel && c.robotHost() != null && c.robotHost().equals(named));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The hosts as the form's message names them. */
    public String listed() {
        return hosts.stream().sorted().collect(Collectors.joining(", "));
    }
}
