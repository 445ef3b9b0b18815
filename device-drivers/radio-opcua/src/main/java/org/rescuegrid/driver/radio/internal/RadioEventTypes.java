package org.rescuegrid.driver.radio.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.BrowseHelper;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.FilterOperator;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilterElement;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilterElementResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilterResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ElementOperand;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilterResult;
import org.eclipse.milo.opcua.stack.core.types.structured.LiteralOperand;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * The gateway's emergency-button and radio-offline event types, found by browse name below BaseEventType,
 * and the event filter that selects their fields.
 *
 * <p>The filter selects, in this order: EventType, SourceNode, SourceName, Time, Severity, Message and EventId
 * of BaseEventType, then the RadioId property of each event type found. The RadioId browse name is taken in the
 * namespace of its event type. The where clause lets through only events of the found types and their subtypes.
 */
final class RadioEventTypes {

    /** Browse name of the String property that carries the radio id in a gateway's radio events. */
    static final String RADIO_ID_PROPERTY = "RadioId";
    /** Deepest type level below BaseEventType that is searched, so a malformed type tree with a cycle ends. */
    private static final int MAX_DEPTH = 12;

    private static final int EVENT_TYPE = 0;
    private static final int SOURCE_NODE = 1;
    private static final int SOURCE_NAME = 2;
    private static final int TIME = 3;
    private static final int SEVERITY = 4;
    private static final int MESSAGE = 5;
    private static final int EVENT_ID = 6;
    private static final int FIRST_RADIO_ID = 7;
    /** Event ids remembered to drop a repeated delivery of the same event. */
    private static final int REMEMBERED_EVENT_IDS = 256;

    /** Event type node ids and the kind each maps to, including subtypes of the configured types. */
    private final Map<NodeId, RadioAlert.Kind> kinds;
    /** The event types found by their configured browse names, in the order of the RadioId select clauses. */
    private final List<FoundType> found;
    /** Ids of the events read last, oldest first. Some servers deliver an event twice to the same item. */
    private final Map<ByteString, Boolean> recentEventIds = new LinkedHashMap<>(REMEMBERED_EVENT_IDS, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    };

    private record FoundType(NodeId typeId, QualifiedName browseName, RadioAlert.Kind kind) {
    }

    private RadioEventTypes(Map<NodeId, RadioAlert.Kind> kinds, List<FoundType> found) {
        this.kinds = kinds;
        this.found = found;
    }

    /**
     * Browses the event type tree from BaseEventType, one request per level, for types with the configured
     * browse names (namespace ignored). A null or empty name is not searched.
     */
    static RadioEventTypes resolve(OpcUaClient client, String emergencyTypeName, String offlineTypeName) throws Exception {
        Map<NodeId, RadioAlert.Kind> kinds = new HashMap<>();
        List<FoundType> found = new ArrayList<>();
        Map<NodeId, RadioAlert.Kind> level = new HashMap<>();
        level.put(NodeIds.BaseEventType, null);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            Map<NodeId, CompletableFuture<List<ReferenceDescription>>> requests = new HashMap<>();
            for (NodeId type : level.keySet()) {
                requests.put(type, BrowseHelper.browse(client, subtypesOf(type), uint(0)));
            }
            Map<NodeId, RadioAlert.Kind> next = new HashMap<>();
            for (Map.Entry<NodeId, CompletableFuture<List<ReferenceDescription>>> request : requests.entrySet()) {
                RadioAlert.Kind inherited = level.get(request.getKey());
                for (ReferenceDescription subtype : request.getValue().get(ClientFactory.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    Optional<NodeId> typeId = subtype.getNodeId().toNodeId(client.getNamespaceTable());
                    if (typeId.isEmpty() || kinds.containsKey(typeId.get()) || next.containsKey(typeId.get())) {
                        continue;
                    }
                    RadioAlert.Kind kind = inherited;
                    String name = subtype.getBrowseName().getName();
                    if (kind == null && name != null) {
                        if (name.equals(emergencyTypeName)) {
                            kind = RadioAlert.Kind.EMERGENCY;
                        } else if (name.equals(offlineTypeName)) {
                            kind = RadioAlert.Kind.OFFLINE;
                        }
                        if (kind != null) {
                            found.add(new FoundType(typeId.get(), subtype.getBrowseName(), kind));
                        }
                    }
                    if (kind != null) {
                        kinds.put(typeId.get(), kind);
                    }
                    next.put(typeId.get(), kind);
                }
            }
            level = next;
        }
        return new RadioEventTypes(Map.copyOf(kinds), List.copyOf(found));
    }

    /** Returns the result of a gateway whose events are not followed. */
    static RadioEventTypes none() {
        return new RadioEventTypes(Map.of(), List.of());
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Returns the browse names of the types found, for the log. */
    List<String> names() {
        return found.stream().map(type -> type.browseName().getName()).toList();
    }

    /**
     * Builds the event filter: the fields listed in the class comment and, when {@code withWhereClause}, a where clause
     * that admits only the found types.
     */
    EventFilter filter(EncodingContext encoding, boolean withWhereClause) {
        List<SimpleAttributeOperand> select = new ArrayList<>();
        for (String field : List.of("EventType", "SourceNode", "SourceName", "Time", "Severity", "Message", "EventId")) {
            select.add(new SimpleAttributeOperand(NodeIds.BaseEventType, new QualifiedName[] {new QualifiedName(0, field)},
                    AttributeId.Value.uid(), null));
        }
        for (FoundType type : found) {
            select.add(new SimpleAttributeOperand(type.typeId(),
                    new QualifiedName[] {new QualifiedName(type.browseName().getNamespaceIndex(), RADIO_ID_PROPERTY)},
                    AttributeId.Value.uid(), null));
        }
        List<ContentFilterElement> where = new ArrayList<>();
        if (withWhereClause) {
            addOfAnyType(where, found, encoding);
        }
        return new EventFilter(select.toArray(SimpleAttributeOperand[]::new), new ContentFilter(where.toArray(ContentFilterElement[]::new)));
    }

    /**
     * Appends a filter element that is true for events of any of the types, and returns its index. A list of
     * several types becomes Or(OfType(first), rest); the element added first is the root the server evaluates.
     */
    private static int addOfAnyType(List<ContentFilterElement> elements, List<FoundType> types, EncodingContext encoding) {
        int index = elements.size();
        if (types.size() == 1) {
            elements.add(new ContentFilterElement(FilterOperator.OfType,
                    new ExtensionObject[] {ExtensionObject.encode(encoding, new LiteralOperand(new Variant(types.get(0).typeId())))}));
            return index;
        }
        elements.add(null);
        int first = addOfAnyType(elements, types.subList(0, 1), encoding);
        int rest = addOfAnyType(elements, types.subList(1, types.size()), encoding);
        elements.set(index, new ContentFilterElement(FilterOperator.Or, new ExtensionObject[] {
                ExtensionObject.encode(encoding, new ElementOperand(uint(first))),
                ExtensionObject.encode(encoding, new ElementOperand(uint(rest)))}));
        return index;
    }

    /**
     * Describes the select and where clause parts a gateway rejected in its filter result. A server that
     * rejects any part of a filter may deliver no events at all, so the caller logs this.
     *
     * @return the rejected parts with their status codes, or empty when every part was accepted
     */
    Optional<String> rejectedFilterParts(ExtensionObject filterResult, EncodingContext encoding) {
        if (filterResult == null || !(filterResult.decode(encoding) instanceof EventFilterResult result)) {
            return Optional.empty();
        }
        List<String> rejected = new ArrayList<>();
        StatusCode[] select = result.getSelectClauseResults();
        for (int i = 0; select != null && i < select.length; i++) {
            if (select[i] != null && !select[i].isGood()) {
                rejected.add("select clause " + i + ": " + select[i]);
            }
        }
        ContentFilterResult where = result.getWhereClauseResult();
        ContentFilterElementResult[] elements = where == null ? null : where.getElementResults();
        for (int i = 0; elements != null && i < elements.length; i++) {
            if (elements[i].getStatusCode() != null && !elements[i].getStatusCode().isGood()) {
                rejected.add("where element " + i + ": " + elements[i].getStatusCode());
            }
        }
        return rejected.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", rejected));
    }

    /**
     * Reads one event's fields as the filter selected them.
     *
     * @return the event, or empty when its type is not one of the found types (a gateway that ignores the where clause)
     *     or when an event with the same EventId was read shortly before
     */
    synchronized Optional<RawEvent> read(Variant[] fields) {
        if (fields == null || fields.length < FIRST_RADIO_ID) {
            return Optional.empty();
        }
        Object type = fields[EVENT_TYPE].getValue();
        RadioAlert.Kind kind = type instanceof NodeId typeId ? kinds.get(typeId) : null;
        if (kind == null) {
            return Optional.empty();
        }
        if (fields[EVENT_ID].getValue() instanceof ByteString eventId && !eventId.isNull()
                && recentEventIds.put(eventId, Boolean.TRUE) != null) {
            return Optional.empty();
        }
        String radioId = null;
        for (int i = FIRST_RADIO_ID; i < fields.length && radioId == null; i++) {
            if (fields[i].getValue() instanceof String text && !text.isBlank()) {
                radioId = text.strip();
            }
        }
        Object time = fields[TIME].getValue();
        Object severity = fields[SEVERITY].getValue();
        Object message = fields[MESSAGE].getValue();
        Object sourceName = fields[SOURCE_NAME].getValue();
        return Optional.of(new RawEvent(kind, radioId, fields[SOURCE_NODE].getValue() instanceof NodeId node ? node : null,
                sourceName instanceof String name ? name : null,
                time instanceof DateTime dateTime && dateTime.isValid() ? dateTime.getJavaInstant() : null,
                severity instanceof Number number ? Integer.valueOf(number.intValue()) : null,
                message instanceof LocalizedText text ? text.text() : null));
    }

    /**
     * An event's fields before the radio id is settled.
     *
     * @param radioId value of the RadioId property, or null when the event has none
     * @param time the event's Time field, or null when the gateway sent none
     * @param severity 1 (lowest) to 1000 (highest), or null
     */
    record RawEvent(RadioAlert.Kind kind, String radioId, NodeId sourceNode, String sourceName, Instant time,
            Integer severity, String message) {
    }

    private static BrowseDescription subtypesOf(NodeId type) {
        return new BrowseDescription(type, BrowseDirection.Forward, NodeIds.HasSubtype, false, uint(NodeClass.ObjectType.getValue()),
                uint(BrowseResultMask.All.getValue()));
    }
}
