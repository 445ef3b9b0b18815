/**
 * Scenarios: calls, operator actions and vehicle tracks on a timeline, with the expected timestamps and
 * KPIs written out, and a player that runs them against a front office in accelerated time.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.frontoffice.scenario;
