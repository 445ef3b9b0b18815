/** Device events other than positions, and the store contract for them. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.event;
