package org.rescuegrid.simulators.internal.camera;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Response envelopes of the simulated camera, written from templates. */
final class SoapResponses {

    private static final String ENVELOPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" \
            xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" \
            xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" \
            xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:tns1="http://www.onvif.org/ver10/topics" \
            xmlns:ter="http://www.onvif.org/ver10/error">
            <env:Body>%s</env:Body>
            </env:Envelope>
            """;

    /** Profiles: token, name, width, height. */
    static final List<String[]> PROFILES = List.of(
            new String[] {"main", "MainStream", "1920", "1080"},
            new String[] {"sub", "SubStream", "640", "360"});

    private SoapResponses() {
    }

    static String envelope(String body) {
        return ENVELOPE.formatted(body);
    }

    static String fault(String code, String subcode, String reason) {
        return envelope("""
                <env:Fault><env:Code><env:Value>%s</env:Value><env:Subcode><env:Value>%s</env:Value></env:Subcode></env:Code>\
                <env:Reason><env:Text xml:lang="en">%s</env:Text></env:Reason></env:Fault>"""
                .formatted(code, subcode, escape(reason)));
    }

    static String systemDateAndTime(Instant cameraNow) {
        ZonedDateTime utc = cameraNow.atZone(ZoneOffset.UTC);
        return envelope("""
                <tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType>\
                <tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>PKT-5</tt:TZ></tt:TimeZone>\
                <tt:UTCDateTime><tt:Time><tt:Hour>%d</tt:Hour><tt:Minute>%d</tt:Minute><tt:Second>%d</tt:Second></tt:Time>\
                <tt:Date><tt:Year>%d</tt:Year><tt:Month>%d</tt:Month><tt:Day>%d</tt:Day></tt:Date></tt:UTCDateTime>\
                </tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"""
                .formatted(utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getYear(), utc.getMonthValue(),
                        utc.getDayOfMonth()));
    }

    static String deviceInformation(String name) {
        return envelope("""
                <tds:GetDeviceInformationResponse><tds:Manufacturer>RescueGrid</tds:Manufacturer>\
                <tds:Model>Simulated PTZ camera</tds:Model><tds:FirmwareVersion>sim-1.0</tds:FirmwareVersion>\
                <tds:SerialNumber>%s</tds:SerialNumber><tds:HardwareId>sim</tds:HardwareId></tds:GetDeviceInformationResponse>"""
                .formatted(escape(name)));
    }

    static String capabilities(String base) {
        return envelope("""
                <tds:GetCapabilitiesResponse><tds:Capabilities>\
                <tt:Device><tt:XAddr>%1$s/onvif/device_service</tt:XAddr></tt:Device>\
                <tt:Events><tt:XAddr>%1$s/onvif/events</tt:XAddr><tt:WSPullPointSupport>true</tt:WSPullPointSupport></tt:Events>\
                <tt:Media><tt:XAddr>%1$s/onvif/media</tt:XAddr></tt:Media>\
                <tt:PTZ><tt:XAddr>%1$s/onvif/ptz</tt:XAddr></tt:PTZ>\
                </tds:Capabilities></tds:GetCapabilitiesResponse>""".formatted(base));
    }

    static String services(String base) {
        StringBuilder body = new StringBuilder("<tds:GetServicesResponse>");
        String[][] services = {
            {"http://www.onvif.org/ver10/device/wsdl", "device_service"},
            {"http://www.onvif.org/ver10/media/wsdl", "media"},
            {"http://www.onvif.org/ver20/ptz/wsdl", "ptz"},
            {"http://www.onvif.org/ver10/events/wsdl", "events"}};
        for (String[] service : services) {
            body.append("""
                    <tds:Service><tds:Namespace>%s</tds:Namespace><tds:XAddr>%s/onvif/%s</tds:XAddr>\
                    <tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>"""
                    .formatted(service[0], base, service[1]));
        }
        return envelope(body.append("</tds:GetServicesResponse>").toString());
    }

    static String profiles() {
        StringBuilder body = new StringBuilder("<trt:GetProfilesResponse>");
        for (String[] profile : PROFILES) {
            body.append("""
                    <trt:Profiles token="%1$s" fixed="true"><tt:Name>%2$s</tt:Name>\
                    <tt:VideoSourceConfiguration token="vsc0"><tt:Name>vsc0</tt:Name><tt:UseCount>2</tt:UseCount>\
                    <tt:SourceToken>video0</tt:SourceToken><tt:Bounds x="0" y="0" width="1920" height="1080"/></tt:VideoSourceConfiguration>\
                    <tt:VideoEncoderConfiguration token="enc-%1$s"><tt:Name>enc-%1$s</tt:Name><tt:UseCount>1</tt:UseCount>\
                    <tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>%3$s</tt:Width><tt:Height>%4$s</tt:Height></tt:Resolution>\
                    <tt:Quality>5</tt:Quality></tt:VideoEncoderConfiguration>\
                    <tt:PTZConfiguration token="ptz0"><tt:Name>ptz0</tt:Name><tt:UseCount>2</tt:UseCount><tt:NodeToken>node0</tt:NodeToken></tt:PTZConfiguration>\
                    </trt:Profiles>""".formatted((Object[]) profile));
        }
        return envelope(body.append("</trt:GetProfilesResponse>").toString());
    }

    static String mediaUri(String operation, String uri) {
        return envelope("""
                <trt:%1$sResponse><trt:MediaUri><tt:Uri>%2$s</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>\
                <tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:%1$sResponse>"""
                .formatted(operation, escape(uri)));
    }

    static String empty(String prefix, String operation) {
        return envelope("<" + prefix + ":" + operation + "Response/>");
    }

    static String presets() {
        StringBuilder body = new StringBuilder("<tptz:GetPresetsResponse>");
        for (PtzState.Preset preset : PtzState.PRESETS) {
            body.append("<tptz:Preset token=\"%s\"><tt:Name>%s</tt:Name></tptz:Preset>".formatted(preset.token(), preset.name()));
        }
        return envelope(body.append("</tptz:GetPresetsResponse>").toString());
    }

    static String status(double[] position, Instant cameraNow) {
        String move = position[3] != 0 ? "MOVING" : "IDLE";
        return envelope(String.format(Locale.ROOT, """
                <tptz:GetStatusResponse><tptz:PTZStatus><tt:Position><tt:PanTilt x="%.4f" y="%.4f"/><tt:Zoom x="%.4f"/></tt:Position>\
                <tt:MoveStatus><tt:PanTilt>%s</tt:PanTilt><tt:Zoom>%s</tt:Zoom></tt:MoveStatus><tt:UtcTime>%s</tt:UtcTime>\
                </tptz:PTZStatus></tptz:GetStatusResponse>""",
                position[0], position[1], position[2], move, move, time(cameraNow)));
    }

    static String subscription(String address, Instant cameraNow, Instant termination) {
        return envelope("""
                <tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>%s</wsa:Address>\
                </tev:SubscriptionReference><wsnt:CurrentTime>%s</wsnt:CurrentTime>\
                <wsnt:TerminationTime>%s</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>"""
                .formatted(escape(address), time(cameraNow), time(termination)));
    }

    static String renew(Instant cameraNow, Instant termination) {
        return envelope("""
                <wsnt:RenewResponse><wsnt:TerminationTime>%s</wsnt:TerminationTime>\
                <wsnt:CurrentTime>%s</wsnt:CurrentTime></wsnt:RenewResponse>""".formatted(time(termination), time(cameraNow)));
    }

    static String messages(List<PullPoints.Event> events, Instant cameraNow, Instant termination) {
        StringBuilder body = new StringBuilder("<tev:PullMessagesResponse><tev:CurrentTime>" + time(cameraNow)
                + "</tev:CurrentTime><tev:TerminationTime>" + time(termination) + "</tev:TerminationTime>");
        for (PullPoints.Event event : events) {
            body.append("""
                    <wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">\
                    %s</wsnt:Topic><wsnt:Message><tt:Message UtcTime="%s" PropertyOperation="Changed"><tt:Source>\
                    <tt:SimpleItem Name="VideoSourceConfigurationToken" Value="vsc0"/><tt:SimpleItem Name="Rule" Value="%s"/>\
                    </tt:Source><tt:Data><tt:SimpleItem Name="%s" Value="%s"/></tt:Data></tt:Message></wsnt:Message>\
                    </wsnt:NotificationMessage>""".formatted(event.topic(), time(event.time()), event.rule(),
                    event.dataName(), event.state()));
        }
        return envelope(body.append("</tev:PullMessagesResponse>").toString());
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
