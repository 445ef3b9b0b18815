/** Devices, their vehicle assignment and health counters. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.rescuegrid.api.device;
