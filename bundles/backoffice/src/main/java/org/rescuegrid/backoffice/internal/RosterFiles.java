package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster read from its files. The files are read again when one of them changes, and each change is
 * audited. An invalid change is logged and the previous roster stays in use.
 */
public final class RosterFiles implements Supplier<Roster> {

    private static final Logger LOG = LoggerFactory.getLogger(RosterFiles.class);

    private final Path staffFile;
    private final Path shiftsFile;
    private final Path rotaFile;
    private final AuditLog audit;
    private volatile Roster roster = Roster.empty();
    private String checksum;
    private String problem;

    public RosterFiles(Path staffFile, Path shiftsFile, Path rotaFile, AuditLog audit) {
        this.staffFile = staffFile;
        this.shiftsFile = shiftsFile;
        this.rotaFile = rotaFile;
        this.audit = audit;
    }

    @Override
    public Roster get() {
        return roster;
    }

    /** Returns why the files were not taken at the last reload, or null. */
    public synchronized String problem() {
        return problem;
    }

    /** Reads the files again when they changed since the last call. */
    public synchronized void reload() {
        String current;
        try {
            current = SopLibrary.sha256(text(staffFile) + "\u0000" + text(shiftsFile) + "\u0000" + text(rotaFile));
        } catch (IOException e) {
            LOG.warn("Roster files could not be read: {}", e.getMessage());
            return;
        }
        if (current.equals(checksum)) {
            return;
        }
        boolean first = checksum == null;
        checksum = current;
        try {
            Roster read = Roster.read(staffFile, shiftsFile, rotaFile);
            Roster before = roster;
            roster = read;
            problem = null;
            audit.record(new AuditEntry("roster-loader", AuditSource.CONFIG, null, first ? "roster-load" : "roster-change",
                    List.of(staffFile.getFileName().toString(), shiftsFile.getFileName().toString(), rotaFile.getFileName().toString()),
                    first ? null : before.staff().size() + " staff", read.staff().size() + " staff, sha256 " + current));
            LOG.info("Roster loaded: {} staff", read.staff().size());
        } catch (IllegalArgumentException | IOException e) {
            problem = e.getMessage();
            LOG.warn("Roster not loaded, the previous one stays: {}", e.getMessage());
        }
    }

    private static String text(Path file) throws IOException {
        return file != null && Files.exists(file) ? Files.readString(file) : "";
    }
}
