/** Versioned schema migrations and JDBC helpers that every database-backed bundle of the node uses. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.store.schema;
