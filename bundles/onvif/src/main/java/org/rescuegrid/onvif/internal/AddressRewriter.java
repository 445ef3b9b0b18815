package org.rescuegrid.onvif.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.rescuegrid.onvif.OnvifException;

/**
 * Rewrites addresses that a camera reports to the host it was reached on. Cameras behind NAT, port
 * forwarding or a second network interface report their own private address in XAddrs, media URIs
 * and subscription references, which the client usually cannot reach.
 */
public final class AddressRewriter {

    private final URI deviceAddress;

    public AddressRewriter(URI deviceAddress) {
        this.deviceAddress = deviceAddress;
    }

    /**
     * Rewrites an ONVIF service address (XAddr, subscription reference) to the scheme, host and
     * port of the device service, keeping its path and query, because cameras serve all their ONVIF
     * services from one web server.
     */
    public URI rewriteService(String reported) throws OnvifException {
        URI uri = parse(reported);
        return build(deviceAddress.getScheme(), deviceAddress.getHost(), deviceAddress.getPort(), uri);
    }

    /**
     * Rewrites the host of a media URI (RTSP stream, HTTP snapshot) and keeps its scheme and port,
     * because cameras often serve media on ports of their own.
     */
    public URI rewriteHost(String reported) throws OnvifException {
        URI uri = parse(reported);
        return build(uri.getScheme(), deviceAddress.getHost(), uri.getPort(), uri);
    }

    private static URI build(String scheme, String host, int port, URI uri) throws OnvifException {
        try {
            return new URI(scheme, uri.getRawUserInfo() == null ? null : uri.getUserInfo(), host, port,
                    uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new OnvifException("cannot rewrite address " + uri + " to host " + host, e);
        }
    }

    /** Parses the first of the space-separated addresses that an XAddrs element may contain. */
    private static URI parse(String reported) throws OnvifException {
        String first = reported.strip().split("\\s+")[0];
        try {
            URI uri = new URI(first);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new OnvifException("camera reported address '" + reported + "', expected an absolute URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OnvifException("camera reported an invalid address '" + reported + "'", e);
        }
    }
}
