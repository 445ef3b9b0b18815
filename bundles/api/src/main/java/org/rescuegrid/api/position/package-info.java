/** Position fixes and the store contract for them. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.rescuegrid.api.position;
