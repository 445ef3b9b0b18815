/**
 * Code that both ends of the district-to-HQ feed run: Kafka client security, TLS stores and the id digest of
 * reconciliation. The uplink and HQ bundles embed this package privately, so it is never a runtime bundle.
 */
package org.rescuegrid.feed.support;
