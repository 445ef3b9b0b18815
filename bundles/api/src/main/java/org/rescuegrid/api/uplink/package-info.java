/** State of the provincial-to-HQ upload. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.rescuegrid.api.uplink;
