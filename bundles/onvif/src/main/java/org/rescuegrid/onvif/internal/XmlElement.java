package org.rescuegrid.onvif.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.onvif.OnvifException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A read-only view of a DOM element that matches children and attributes by local name, so that
 * any namespace prefix a camera chooses, or an undeclared one, reads the same.
 */
public final class XmlElement {

    private final Element element;

    XmlElement(Element element) {
        this.element = element;
    }

    /** Returns the element name without its prefix. */
    public String localName() {
        return localPart(element.getNodeName());
    }

    /** Returns the element's text with surrounding whitespace removed. */
    public String text() {
        return element.getTextContent().strip();
    }

    /** Returns the first direct child with the given local name. */
    public Optional<XmlElement> child(String localName) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localPart(child.getNodeName()).equals(localName)) {
                return Optional.of(new XmlElement(child));
            }
        }
        return Optional.empty();
    }

    /** Follows a path of direct children by local name. */
    public Optional<XmlElement> path(String... localNames) {
        Optional<XmlElement> current = Optional.of(this);
        for (String name : localNames) {
            current = current.flatMap(element -> element.child(name));
        }
        return current;
    }

    /** Returns the text at a path of direct children, if every step exists. */
    public Optional<String> text(String... localNames) {
        return path(localNames).map(XmlElement::text);
    }

    /** Returns the text at a path of direct children, or throws naming the missing path. */
    public String requiredText(String... localNames) throws OnvifException {
        return path(localNames).map(XmlElement::text).orElseThrow(() -> new OnvifException(
                "response element " + localName() + " has no " + String.join("/", localNames)));
    }

    /** Returns an attribute, or throws naming the missing attribute. */
    public String requiredAttribute(String localName) throws OnvifException {
        return attribute(localName).orElseThrow(() -> new OnvifException(
                "response element " + localName() + " has no attribute " + localName));
    }

    /** Returns all direct children with the given local name, in document order. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> result = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localPart(child.getNodeName()).equals(localName)) {
                result.add(new XmlElement(child));
            }
        }
        return result;
    }

    /** Returns all direct child elements, in document order. */
    public List<XmlElement> children() {
        List<XmlElement> result = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                result.add(new XmlElement(child));
            }
        }
        return result;
    }

    /** Returns the first element with the given local name in a depth-first search below this one. */
    public Optional<XmlElement> descendant(String localName) {
        for (XmlElement child : children()) {
            if (child.localName().equals(localName)) {
                return Optional.of(child);
            }
            Optional<XmlElement> found = child.descendant(localName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Returns the attribute with the given local name, ignoring its prefix. */
    public Optional<String> attribute(String localName) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (localPart(attribute.getName()).equals(localName)) {
                return Optional.of(attribute.getValue().strip());
            }
        }
        return Optional.empty();
    }

    /** Returns the namespace URI bound to a prefix at this element, searching its ancestors. */
    public Optional<String> namespaceOfPrefix(String prefix) {
        String attributeName = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.hasAttribute(attributeName)) {
                return Optional.of(current.getAttribute(attributeName));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "<" + element.getNodeName() + ">";
    }

    static String localPart(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        return colon < 0 ? qualifiedName : qualifiedName.substring(colon + 1);
    }
}
