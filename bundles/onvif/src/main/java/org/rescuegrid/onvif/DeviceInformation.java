package org.rescuegrid.onvif;

/** Maker, model, firmware and serial number from GetDeviceInformation. */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
        String hardwareId) {
}
