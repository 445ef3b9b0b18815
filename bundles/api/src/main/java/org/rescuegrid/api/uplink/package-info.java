/** State of the provincial-to-HQ upload. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.rescuegrid.api.uplink;
