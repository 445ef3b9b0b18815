package org.rescuegrid.simulators.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.QualifiedProperty;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Address space of the simulated gateway: {@code Objects/Radios/<radio id>} objects, each with the
 * variables RadioId, TalkGroup, StatusCode, Rssi, Battery, Latitude, Longitude and LastTransmission,
 * and a SendText(Text) method that records the texts it receives.
 *
 * <p>It also defines two event types below BaseEventType, EmergencyButtonEventType and
 * RadioOfflineEventType, each with a mandatory String property RadioId. Their events are fired through
 * the Server object with the radio object as SourceNode and the radio id as SourceName.
 */
final class RadioNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:rescuegrid:simulator:radio-gateway";
    static final String EMERGENCY_BUTTON_EVENT_TYPE = "EmergencyButtonEventType";
    static final String RADIO_OFFLINE_EVENT_TYPE = "RadioOfflineEventType";
    static final String RADIO_ID_PROPERTY = "RadioId";
    private static final QualifiedProperty<String> RADIO_ID = new QualifiedProperty<>(URI, RADIO_ID_PROPERTY,
            NodeIds.String.expanded(), ValueRanks.Scalar, String.class);

    /** Kinds of event the simulated gateway raises, with the browse name of their event type. */
    enum RadioEventKind {
        EMERGENCY_BUTTON(EMERGENCY_BUTTON_EVENT_TYPE),
        RADIO_OFFLINE(RADIO_OFFLINE_EVENT_TYPE);

        private final String typeName;

        RadioEventKind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final SubscriptionModel subscriptions;
    private final List<SimulatedRadio> radios;
    private final Map<String, List<String>> texts = new LinkedHashMap<>();

    RadioNamespace(OpcUaServer server, List<SimulatedRadio> radios) {
        super(server, URI);
        this.radios = radios;
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::addNodes);
    }

    /** Returns the texts SendText received for a radio, oldest first. */
    synchronized List<String> textsOf(String radioId) {
        return List.copyOf(texts.getOrDefault(radioId, List.of()));
    }

    /**
     * Fires an event of a radio through the Server object.
     *
     * @param severity OPC UA severity, 1 (lowest) to 1000 (highest)
     */
    void raiseEvent(String radioId, RadioEventKind kind, String message, int severity) throws UaException {
        NodeId typeId = newNodeId(kind.typeName);
        BaseEventTypeNode event = getServer().getEventFactory().createEvent(newNodeId(UUID.randomUUID()), typeId);
        try {
            byte[] eventId = new byte[16];
            ThreadLocalRandom.current().nextBytes(eventId);
            event.setBrowseName(new QualifiedName(0, kind.typeName));
            event.setDisplayName(LocalizedText.english(kind.typeName));
            event.setEventId(ByteString.of(eventId));
            event.setEventType(typeId);
            event.setSourceNode(newNodeId("Radios/" + radioId));
            event.setSourceName(radioId);
            event.setTime(DateTime.now());
            event.setReceiveTime(DateTime.now());
            event.setMessage(LocalizedText.english(message));
            event.setSeverity(UShort.valueOf(severity));
            event.setProperty(RADIO_ID, radioId);
            getServer().getEventNotifier().fire(event);
        } finally {
            event.delete();
        }
    }

    private void addEventTypes() {
        for (RadioEventKind kind : RadioEventKind.values()) {
            UaObjectTypeNode type = UaObjectTypeNode.builder(getNodeContext())
                    .setNodeId(newNodeId(kind.typeName))
                    .setBrowseName(newQualifiedName(kind.typeName))
                    .setDisplayName(LocalizedText.english(kind.typeName))
                    .setIsAbstract(false)
                    .build();
            UaVariableNode radioId = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(kind.typeName + "/" + RADIO_ID_PROPERTY))
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .setBrowseName(newQualifiedName(RADIO_ID_PROPERTY))
                    .setDisplayName(LocalizedText.english(RADIO_ID_PROPERTY))
                    .setDataType(NodeIds.String)
                    .setTypeDefinition(NodeIds.PropertyType)
                    .build();
            radioId.addReference(new Reference(radioId.getNodeId(), NodeIds.HasModellingRule,
                    NodeIds.ModellingRule_Mandatory.expanded(), true));
            getNodeManager().addNode(radioId);
            getNodeManager().addNode(type);
            type.addReference(new Reference(type.getNodeId(), NodeIds.HasProperty, radioId.getNodeId().expanded(), true));
            // Both directions, so clients that browse down from BaseEventType find the type and the server's
            // filter evaluation finds BaseEventType as its supertype.
            getNodeManager().addReferences(new Reference(type.getNodeId(), NodeIds.HasSubtype, NodeIds.BaseEventType.expanded(), false),
                    getServer().getNamespaceTable());
            getServer().getObjectTypeManager().registerObjectType(type.getNodeId(), BaseEventTypeNode.class, BaseEventTypeNode::new);
        }
    }

    private void addNodes() {
        addEventTypes();
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Radios"), newQualifiedName("Radios"),
                LocalizedText.english("Radios"));
        getNodeManager().addNode(folder);
        folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));

        for (SimulatedRadio radio : radios) {
            String id = radio.radioId();
            UaObjectNode object = UaObjectNode.builder(getNodeContext())
                    .setNodeId(newNodeId("Radios/" + id))
                    .setBrowseName(newQualifiedName(id))
                    .setDisplayName(LocalizedText.english(id))
                    .setTypeDefinition(NodeIds.BaseObjectType)
                    .build();
            getNodeManager().addNode(object);
            folder.addOrganizes(object);

            radio.bind(variable(object, "RadioId", NodeIds.String), variable(object, "TalkGroup", NodeIds.String),
                    variable(object, "StatusCode", NodeIds.Int32), variable(object, "Rssi", NodeIds.Double),
                    variable(object, "Battery", NodeIds.Double), variable(object, "Latitude", NodeIds.Double),
                    variable(object, "Longitude", NodeIds.Double), variable(object, "LastTransmission", NodeIds.UtcTime));
            addSendText(object, id);
        }
    }

    private UaVariableNode variable(UaObjectNode object, String name, NodeId dataType) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(object.getNodeId().getIdentifier() + "/" + name))
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        node.setValue(new DataValue(Variant.NULL_VALUE));
        getNodeManager().addNode(node);
        link(object, node);
        return node;
    }

    private void addSendText(UaObjectNode object, String radioId) {
        UaMethodNode method = UaMethodNode.builder(getNodeContext())
                .setNodeId(newNodeId(object.getNodeId().getIdentifier() + "/SendText"))
                .setBrowseName(newQualifiedName("SendText"))
                .setDisplayName(LocalizedText.english("SendText"))
                .setDescription(LocalizedText.english("Sends a text message to the radio."))
                .build();
        SendText handler = new SendText(method, radioId);
        method.setInputArguments(handler.getInputArguments());
        method.setOutputArguments(handler.getOutputArguments());
        method.setInvocationHandler(handler);
        getNodeManager().addNode(method);
        link(object, method);
    }

    private static void link(UaObjectNode object, UaNode member) {
        object.addReference(new Reference(object.getNodeId(), NodeIds.HasComponent, member.getNodeId().expanded(), true));
    }

    private synchronized void received(String radioId, String text) {
        texts.computeIfAbsent(radioId, id -> new CopyOnWriteArrayList<>()).add(text);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptions.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptions.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptions.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptions.onMonitoringModeChanged(monitoredItems);
    }

    private final class SendText extends AbstractMethodInvocationHandler {

        private static final Argument TEXT = new Argument("Text", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("Message text."));

        private final String radioId;

        SendText(UaMethodNode node, String radioId) {
            super(node);
            this.radioId = radioId;
        }

        @Override
        public Argument[] getInputArguments() {
            return new Argument[] {TEXT};
        }

        @Override
        public Argument[] getOutputArguments() {
            return new Argument[0];
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) {
            received(radioId, String.valueOf(inputs[0].getValue()));
            return new Variant[0];
        }
    }
}
