/** The node's ONVIF cameras as a service: health, media URIs, snapshots and PTZ. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.driver.onvif;
