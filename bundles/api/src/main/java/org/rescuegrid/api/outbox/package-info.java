/** The transactional outbox that carries stored records to HQ. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.rescuegrid.api.outbox;
