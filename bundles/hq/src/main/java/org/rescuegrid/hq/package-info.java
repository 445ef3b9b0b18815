/** HQ as other bundles see it: the key figures HQ computes from the records the provinces upload. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.hq;
