/** Logins of node users against the Karaf JAAS realm, shared by every bundle that serves people over HTTP. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.api.security;
