// A radio gateway on node-opcua, an OPC UA stack independent of Milo, for the driver's interoperability
// test. It listens on 127.0.0.1 only and models Objects/Radios/<radio id> like the Milo simulator,
// with the event types EmergencyButtonEventType and RadioOfflineEventType (subtypes of BaseEventType
// with a mandatory String property RadioId), raised through the Server object.
// Usage: node radio-gateway.js PORT PKI_FOLDER RADIO_COUNT [USERNAME PASSWORD]
// Prints "READY <endpoint url>" when it listens. Reads commands from stdin, one per line:
//   status RADIO_ID CODE   sets a radio's status code
//   rssi RADIO_ID DBM      sets a radio's signal strength
//   emergency RADIO_ID     raises an EmergencyButtonEventType event of the radio
//   offline RADIO_ID       raises a RadioOfflineEventType event of the radio
"use strict";
const path = require("path");
const readline = require("readline");
const {
    OPCUAServer, Variant, DataType, StatusCodes, SecurityPolicy, MessageSecurityMode, OPCUACertificateManager, nodesets
} = require("node-opcua");

async function main() {
    const [port, pkiFolder, radioCount, username, password] = process.argv.slice(2);
    const certificateManager = new OPCUACertificateManager({ rootFolder: path.join(pkiFolder, "pki"), automaticallyAcceptUnknownCertificate: true });
    await certificateManager.initialize();

    const server = new OPCUAServer({
        port: Number(port),
        hostname: "127.0.0.1",
        resourcePath: "/radio-gateway",
        nodeset_filename: [nodesets.standard],
        serverCertificateManager: certificateManager,
        userCertificateManager: certificateManager,
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
        allowAnonymous: !username,
        userManager: username ? { isValidUser: (user, pass) => user === username && pass === password } : undefined,
        buildInfo: { productName: "RescueGrid interop radio gateway" },
    });
    await server.initialize();

    const addressSpace = server.engine.addressSpace;
    const namespace = addressSpace.getOwnNamespace();
    const folder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: "Radios" });
    const eventTypes = {};
    for (const [command, browseName] of [["emergency", "EmergencyButtonEventType"], ["offline", "RadioOfflineEventType"]]) {
        const eventType = namespace.addEventType({ browseName, subtypeOf: "BaseEventType", isAbstract: false });
        namespace.addVariable({ propertyOf: eventType, browseName: "RadioId", dataType: "String", modellingRule: "Mandatory" });
        eventTypes[command] = eventType;
    }
    const radios = new Map();
    const radioObjects = new Map();
    for (let i = 1; i <= Number(radioCount); i++) {
        const radioId = "RADIO-N" + i;
        const object = namespace.addObject({ organizedBy: folder, browseName: radioId });
        const values = { statusCode: 1, rssi: -70.0, battery: 90.0, lastTransmission: new Date() };
        const variable = (browseName, dataType, read) => namespace.addVariable({
            componentOf: object, browseName, dataType, minimumSamplingInterval: 50,
            value: { get: () => new Variant({ dataType: DataType[dataType], value: read() }) },
        });
        variable("RadioId", "String", () => radioId);
        variable("TalkGroup", "String", () => "TG-200");
        variable("StatusCode", "Int32", () => values.statusCode);
        variable("Rssi", "Double", () => values.rssi);
        variable("Battery", "Double", () => values.battery);
        variable("LastTransmission", "DateTime", () => values.lastTransmission);
        const sendText = namespace.addMethod(object, {
            browseName: "SendText",
            inputArguments: [{ name: "Text", dataType: DataType.String }],
            outputArguments: [],
        });
        sendText.bindMethod((inputs, context, callback) => {
            console.log("TEXT " + radioId + " " + inputs[0].value);
            callback(null, { statusCode: StatusCodes.Good, outputArguments: [] });
        });
        radios.set(radioId, values);
        radioObjects.set(radioId, object);
    }

    await server.start();
    console.log("READY " + server.getEndpointUrl());

    readline.createInterface({ input: process.stdin }).on("line", (line) => {
        const [command, radioId, value] = line.trim().split(/\s+/);
        const radio = radios.get(radioId);
        if (!radio) {
            console.log("ERROR unknown radio " + radioId);
            return;
        }
        if (command === "status") {
            radio.statusCode = Number(value);
        } else if (command === "rssi") {
            radio.rssi = Number(value);
        } else if (eventTypes[command]) {
            const emergency = command === "emergency";
            addressSpace.rootFolder.objects.server.raiseEvent(eventTypes[command], {
                sourceNode: { dataType: DataType.NodeId, value: radioObjects.get(radioId).nodeId },
                sourceName: { dataType: DataType.String, value: radioId },
                message: { dataType: DataType.LocalizedText, value: { text: emergency ? "Emergency button pressed on " + radioId : radioId + " stopped answering" } },
                severity: { dataType: DataType.UInt16, value: emergency ? 1000 : 600 },
                radioId: { dataType: DataType.String, value: radioId },
            });
        }
        radio.lastTransmission = new Date();
        console.log("OK " + line.trim());
    }).on("close", async () => {
        await server.shutdown(0);
        process.exit(0);
    });
}

main().catch((error) => {
    console.error("FAILED " + error.message);
    process.exit(1);
});
