package org.rescuegrid.onvif.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.onvif.DiscoveredDevice;
import org.xml.sax.SAXException;

/** Writes WS-Discovery (2005/04, the version ONVIF uses) probes and reads ProbeMatches, Hello and Bye. */
public final class DiscoveryMessages {

    public static final String PROBE_ACTION = "http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe";

    private static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
            xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">
            <s:Header><a:Action s:mustUnderstand="1">%s</a:Action><a:MessageID>%s</a:MessageID>\
            <a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>
            <s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body>
            </s:Envelope>
            """;

    /** A received discovery message: its kind, the probe it responds to, and the devices it names. */
    public record Received(String kind, String relatesTo, List<DiscoveredDevice> devices) {
    }

    private DiscoveryMessages() {
    }

    public static String probe(String messageId) {
        return PROBE.formatted(PROBE_ACTION, messageId);
    }

    /** Reads a ProbeMatches, Hello or Bye datagram; empty for anything else or for text that is not XML. */
    public static Optional<Received> read(String text, InetAddress sender) {
        XmlElement envelope;
        try {
            envelope = XmlDocuments.parse(text);
        } catch (SAXException e) {
            return Optional.empty();
        }
        String relatesTo = envelope.text("Header", "RelatesTo").orElse("");
        Optional<XmlElement> body = envelope.child("Body");
        if (body.isEmpty() || body.get().children().isEmpty()) {
            return Optional.empty();
        }
        XmlElement message = body.get().children().get(0);
        List<DiscoveredDevice> devices = new ArrayList<>();
        switch (message.localName()) {
            case "ProbeMatches" -> {
                for (XmlElement match : message.children("ProbeMatch")) {
                    devices.add(device(match, sender));
                }
            }
            case "Hello", "Bye" -> devices.add(device(message, sender));
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Received(message.localName(), relatesTo, devices));
    }

    private static DiscoveredDevice device(XmlElement element, InetAddress sender) {
        List<URI> addresses = new ArrayList<>();
        for (String address : words(element.text("XAddrs").orElse(""))) {
            try {
                addresses.add(new URI(address));
            } catch (URISyntaxException e) {
                // A malformed XAddr is left out; the device is still reported with its other addresses.
                continue;
            }
        }
        return new DiscoveredDevice(element.text("EndpointReference", "Address").orElse(""),
                words(element.text("Types").orElse("")), words(element.text("Scopes").orElse("")), addresses, sender);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
