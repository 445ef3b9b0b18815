package org.rescuegrid.driver.radio.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.BrowseHelper;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/** Finds the radio objects of a gateway and the variables and methods of each. */
final class RadioBrowser {

    /** Browse name of the optional method that sends a text or status message to a radio. */
    static final String SEND_TEXT = "SendText";

    /**
     * A radio object found in the address space.
     *
     * @param sendTextMethod the object's SendText method, or null
     */
    record RadioNode(NodeId objectId, String browseName, Map<RadioVariable, NodeId> variables, NodeId sendTextMethod) {
    }

    private RadioBrowser() {
    }

    /**
     * Follows the path from the Objects folder and returns every object below its last element.
     *
     * @throws UaException with Bad_NoMatch when an element of the path is not found
     */
    static List<RadioNode> browse(OpcUaClient client, List<String> path) throws Exception {
        NodeId folder = NodeIds.ObjectsFolder;
        for (String element : path) {
            NodeId parent = folder;
            folder = children(client, parent).stream()
                    .filter(child -> element.equals(child.getBrowseName().getName()))
                    .findFirst()
                    .flatMap(child -> child.getNodeId().toNodeId(client.getNamespaceTable()))
                    .orElseThrow(() -> new UaException(StatusCodes.Bad_NoMatch, "browse path element '" + element + "' not found below "
                            + parent.toParseableString()));
        }
        List<RadioNode> radios = new ArrayList<>();
        for (ReferenceDescription child : children(client, folder)) {
            if (child.getNodeClass() != NodeClass.Object) {
                continue;
            }
            NodeId objectId = child.getNodeId().toNodeId(client.getNamespaceTable()).orElse(null);
            if (objectId == null) {
                continue;
            }
            Map<RadioVariable, NodeId> variables = new EnumMap<>(RadioVariable.class);
            NodeId sendText = null;
            for (ReferenceDescription member : children(client, objectId)) {
                NodeId memberId = member.getNodeId().toNodeId(client.getNamespaceTable()).orElse(null);
                String name = member.getBrowseName().getName();
                if (memberId == null || name == null) {
                    continue;
                }
                if (member.getNodeClass() == NodeClass.Variable) {
                    RadioVariable.fromBrowseName(name).ifPresent(variable -> variables.put(variable, memberId));
                } else if (member.getNodeClass() == NodeClass.Method && SEND_TEXT.equalsIgnoreCase(name)) {
                    sendText = memberId;
                }
            }
            radios.add(new RadioNode(objectId, child.getBrowseName().getName(), variables, sendText));
        }
        return radios;
    }

    private static List<ReferenceDescription> children(OpcUaClient client, NodeId node) throws Exception {
        BrowseDescription description = new BrowseDescription(node, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue() | NodeClass.Method.getValue()),
                uint(BrowseResultMask.All.getValue()));
        return BrowseHelper.browse(client, description, uint(0)).get(ClientFactory.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
