package org.rescuegrid.onvif.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses camera responses without namespace processing. Some cameras send prefixes they never
 * declare, or an XML declaration with typographic quotes. A namespace-aware parser rejects both,
 * so elements are matched by local name instead (see {@link XmlElement}).
 */
public final class XmlDocuments {

    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*(\\uFEFF)?<\\?xml[^>]*\\?>");

    private static final DocumentBuilderFactory FACTORY = createFactory();

    private XmlDocuments() {
    }

    /** Parses a document and returns its root element, ignoring the XML declaration if there is one. */
    public static XmlElement parse(String text) throws SAXException {
        String body = XML_DECLARATION.matcher(text).replaceFirst("");
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(body)));
            return new XmlElement(document.getDocumentElement());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser rejects its own configuration", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    private static DocumentBuilderFactory createFactory() {
        // newDefaultInstance() takes the JDK parser directly, without a service lookup that an
        // OSGi framework may redirect.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support disabling DTDs", e);
        }
        return factory;
    }
}
