/** The node's ONVIF cameras as a service: health, media URIs, snapshots, PTZ, discovery and approval. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.rescuegrid.driver.onvif;
