package org.rescuegrid.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class XmlDocumentsTest {

    @Test
    void undeclaredPrefixesRead() throws SAXException {
        XmlElement root = XmlDocuments.parse("<a:Envelope><b:Body><c:Value>7</c:Value></b:Body></a:Envelope>");

        assertEquals("Envelope", root.localName());
        assertEquals("7", root.text("Body", "Value").orElseThrow());
    }

    @Test
    void typographicQuotesInDeclarationIgnored() throws SAXException {
        XmlElement root = XmlDocuments.parse("<?xml version=\u201d1.0\u201d ?>\n<Envelope/>");

        assertEquals("Envelope", root.localName());
    }

    @Test
    void doctypeRejected() {
        assertThrows(SAXException.class, () -> XmlDocuments.parse(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    }
}
