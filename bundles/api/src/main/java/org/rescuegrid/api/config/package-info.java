/** Configuration values that a running component rejected, for the console to list. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.config;
