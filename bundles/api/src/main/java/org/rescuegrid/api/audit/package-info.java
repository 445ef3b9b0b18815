/** The node's audit trail: who changed what, from where, recorded by any bundle. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.rescuegrid.api.audit;
