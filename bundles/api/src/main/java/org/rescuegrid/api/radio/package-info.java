/** Messages to vehicle radios through the node's radio gateways. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.radio;
