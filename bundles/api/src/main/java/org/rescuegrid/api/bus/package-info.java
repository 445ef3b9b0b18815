/** Names of the bus endpoints and headers that bundles share. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.bus;
