package org.rescuegrid.simulators.internal.camera;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A SOAP request parsed without namespace processing, searched by element local name. */
final class RequestXml {

    private final Document document;

    private RequestXml(Document document) {
        this.document = document;
    }

    static RequestXml parse(byte[] body) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new RequestXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser rejects its own configuration", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    /** Returns the local name of the first element in the SOAP Body, the operation. */
    String operation() {
        Optional<Element> body = first("Body");
        if (body.isEmpty()) {
            return "";
        }
        for (Node node = body.get().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return localName(element);
            }
        }
        return "";
    }

    /** Returns the text of the first element with the given local name, stripped. */
    Optional<String> text(String localName) {
        return first(localName).map(element -> element.getTextContent().strip());
    }

    /** Returns an attribute of the first element with the given local name. */
    Optional<String> attribute(String elementName, String attributeName) {
        return first(elementName).map(element -> element.getAttribute(attributeName))
                .filter(value -> !value.isEmpty());
    }

    private Optional<Element> first(String localName) {
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (localName(element).equals(localName)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static String localName(Element element) {
        String name = element.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }
}
