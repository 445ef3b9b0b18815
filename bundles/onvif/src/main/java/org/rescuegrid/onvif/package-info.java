/**
 * An ONVIF client for IP cameras: {@link org.rescuegrid.onvif.OnvifConnection} holds one camera's
 * address, credentials and clock offset, and hands out one client per ONVIF service. Calls throw
 * {@link org.rescuegrid.onvif.OnvifException}, and a SOAP fault arrives as
 * {@link org.rescuegrid.onvif.OnvifFaultException} with its code and reason.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.rescuegrid.onvif;
