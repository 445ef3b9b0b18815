/** Building blocks shared by the device drivers, so that every driver acknowledges and logs the same way. */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.rescuegrid.driver.support;
