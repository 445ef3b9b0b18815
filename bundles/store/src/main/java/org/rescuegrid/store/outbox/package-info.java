/** The transactional outbox as other bundles append to it, inside their own transactions. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.store.outbox;
