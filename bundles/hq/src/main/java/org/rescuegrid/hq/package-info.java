/** HQ as other bundles see it: the key figures and reports HQ computes from the records the provinces upload, and the check of their audit chains. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.rescuegrid.hq;
