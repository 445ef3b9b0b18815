package org.rescuegrid.backoffice.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.audit.AuditChainState;
import org.rescuegrid.api.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's audit log as a service for every bundle, and the listener that records changes of the
 * {@code org.rescuegrid.*} configurations in it. Checks the chain once at start and logs a broken one.
 */
@Component(service = {AuditLog.class, AuditChainState.class, AuditTrail.class, ConfigurationListener.class})
public class AuditComponent implements AuditTrail, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(AuditComponent.class);

    private final AuditChain chain;
    private final ConfigurationAdmin configurationAdmin;
    private final ConfigurationAudit configurationAudit;

    @Activate
    public AuditComponent(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource, @Reference ConfigurationAdmin configurationAdmin)
            throws SQLException {
        this.chain = new AuditChain(new BackOfficeDatabase(dataSource), Clock.systemUTC());
        this.configurationAdmin = configurationAdmin;
        this.configurationAudit = new ConfigurationAudit(chain);
        configurationAudit.snapshot(configurationAdmin);
        AuditVerification verification = chain.verify();
        if (verification.intact()) {
            LOG.info("Audit trail started: {} records verified", verification.verified());
        } else {
            LOG.error("Audit trail is {}; rescue:audit-verify shows it", verification.describe());
        }
    }

    @Override
    public long record(AuditEntry entry) {
        return chain.record(entry);
    }

    @Override
    public List<AuditRecord> find(AuditQuery query) {
        return chain.find(query);
    }

    @Override
    public AuditVerification verify() {
        return chain.verify();
    }

    @Override
    public AuditChainHead head() {
        return chain.head();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        try {
            configurationAudit.changed(event, configurationAdmin);
        } catch (IllegalStateException e) {
            LOG.warn("pid={} change could not be recorded in the audit trail: {}", event.getPid(), e.getMessage());
        }
    }
}
