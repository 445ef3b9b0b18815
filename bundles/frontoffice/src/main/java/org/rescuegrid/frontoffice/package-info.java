/** The front office as other bundles and the console see it: calls, incidents, dispatch and response-time KPIs. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.frontoffice;
