package org.rescuegrid.onvif.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes SOAP 1.2 request envelopes with a streaming XML writer. */
public final class SoapEnvelopes {

    private static final String PASSWORD_DIGEST_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static final String BASE64_ENCODING =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private SoapEnvelopes() {
    }

    /**
     * Writes an envelope. The WS-Addressing Action, To and MessageID headers are written when
     * {@code addressingTo} is not null. Pull-point subscriptions need them because several
     * cameras serve all subscriptions on one URL and route by the To header.
     */
    public static byte[] write(SoapBody body, UsernameToken token, String action, String addressingTo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter stream = FACTORY.createXMLStreamWriter(out, "UTF-8");
            XmlWriter writer = new XmlWriter(stream);
            stream.writeStartDocument("UTF-8", "1.0");
            writer.start(Namespace.SOAP_12, "Envelope");
            for (Namespace namespace : Namespace.values()) {
                stream.writeNamespace(namespace.prefix(), namespace.uri());
            }
            writeHeader(writer, token, action, addressingTo);
            writer.start(Namespace.SOAP_12, "Body");
            body.writeTo(writer);
            writer.end().end();
            stream.writeEndDocument();
            stream.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a request to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writeHeader(XmlWriter writer, UsernameToken token, String action, String addressingTo)
            throws XMLStreamException {
        if (token == null && addressingTo == null) {
            return;
        }
        writer.start(Namespace.SOAP_12, "Header");
        if (addressingTo != null) {
            writer.element(Namespace.ADDRESSING, "Action", action);
            writer.element(Namespace.ADDRESSING, "To", addressingTo);
            writer.element(Namespace.ADDRESSING, "MessageID", "urn:uuid:" + UUID.randomUUID());
        }
        if (token != null) {
            writer.start(Namespace.SECURITY, "Security");
            writer.start(Namespace.SECURITY, "UsernameToken");
            writer.element(Namespace.SECURITY, "Username", token.username());
            writer.start(Namespace.SECURITY, "Password").attribute("Type", PASSWORD_DIGEST_TYPE)
                    .text(token.passwordDigest()).end();
            writer.start(Namespace.SECURITY, "Nonce").attribute("EncodingType", BASE64_ENCODING)
                    .text(token.nonce()).end();
            writer.element(Namespace.SECURITY_UTILITY, "Created", token.created());
            writer.end().end();
        }
        writer.end();
    }

    static String text(byte[] envelope) {
        return new String(envelope, StandardCharsets.UTF_8);
    }
}
