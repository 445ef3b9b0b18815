/** Service provider interface that device driver bundles implement. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.driver;
