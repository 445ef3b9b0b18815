package org.rescuegrid.store.schema;

/**
 * One versioned schema change: a SQL script, read from the class loader of the bundle that owns the schema.
 *
 * @param version strictly increasing version number, starting at 1
 * @param description what the change does, stored in the schema history
 * @param resource script path inside the bundle; statements end with a semicolon at the end of a line
 */
public record Migration(int version, String description, String resource) {
}
