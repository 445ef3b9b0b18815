/** The front office's REST plumbing, for bundles that add resources below its base path with the same users and roles. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.rescuegrid.frontoffice.rest;
