package org.rescuegrid.onvif.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.onvif.OnvifFaultException;

/** Reads a SOAP 1.1 or SOAP 1.2 Fault element into an {@link OnvifFaultException}. */
final class SoapFaults {

    private SoapFaults() {
    }

    static OnvifFaultException read(XmlElement fault, int httpStatus) {
        Optional<XmlElement> code = fault.child("Code");
        if (code.isPresent()) {
            return readSoap12(fault, code.get(), httpStatus);
        }
        String faultCode = fault.text("faultcode").orElse("");
        String faultString = fault.text("faultstring").orElse("");
        return new OnvifFaultException("1.1", faultCode, List.of(), faultString, httpStatus);
    }

    private static OnvifFaultException readSoap12(XmlElement fault, XmlElement code, int httpStatus) {
        List<String> subcodes = new ArrayList<>();
        Optional<XmlElement> subcode = code.child("Subcode");
        while (subcode.isPresent()) {
            subcode.get().text("Value").ifPresent(subcodes::add);
            subcode = subcode.get().child("Subcode");
        }
        String reason = fault.child("Reason").map(SoapFaults::reasonText).orElse("");
        return new OnvifFaultException("1.2", code.text("Value").orElse(""), subcodes, reason, httpStatus);
    }

    /** Prefers the English text when a camera sends the reason in several languages. */
    private static String reasonText(XmlElement reason) {
        List<XmlElement> texts = reason.children("Text");
        for (XmlElement text : texts) {
            if (text.attribute("lang").map(lang -> lang.startsWith("en")).orElse(false)) {
                return text.text();
            }
        }
        return texts.isEmpty() ? reason.text() : texts.get(0).text();
    }
}
