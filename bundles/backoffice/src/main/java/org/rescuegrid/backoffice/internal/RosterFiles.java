package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster read from its files. The files are read again when one of them changes, and each change is
 * audited with the content hash of each file. An invalid change is logged and audited, and the previous
 * roster stays in use.
 */
public final class RosterFiles implements Supplier<Roster> {

    private static final Logger LOG = LoggerFactory.getLogger(RosterFiles.class);
    /** The actor of changes read from the files, since a file does not say who wrote it. */
    static final Actor FILE_LOADER = new Actor("roster-loader", AuditSource.CONFIG, null);

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
        reload(FILE_LOADER, "roster-change");
    }

    /**
     * Replaces one roster file with a user's text, after checking that the three files read together, and
     * audits the change with the new content hashes.
     *
     * @param part {@code staff}, {@code shifts} or {@code rota}
     * @return the roster now in use
     * @throws IllegalArgumentException for an unknown part, or naming the line and field of the first invalid line
     * @throws IllegalStateException when the file could not be written
     */
    public synchronized Roster replace(String part, String text, Actor actor) {
        Path target = switch (part) {
            case "staff" -> staffFile;
            case "shifts" -> shiftsFile;
            case "rota" -> rotaFile;
            default -> throw new IllegalArgumentException("roster part '" + part + "' is unknown; use staff, shifts or rota");
        };
        Path directory = target.toAbsolutePath().getParent();
        Path candidateDirectory = null;
        try {
            Files.createDirectories(directory);
            candidateDirectory = Files.createTempDirectory(directory, ".roster-");
            Path candidate = candidateDirectory.resolve(target.getFileName());
            Files.writeString(candidate, text == null ? "" : text, StandardCharsets.UTF_8);
            Roster.read(part.equals("staff") ? candidate : staffFile, part.equals("shifts") ? candidate : shiftsFile,
                    part.equals("rota") ? candidate : rotaFile);
            Files.move(candidate, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("roster file " + target.getFileName() + " could not be written: " + e.getMessage(), e);
        } finally {
            deleteQuietly(candidateDirectory);
        }
        reload(actor, "roster-replace");
        return roster;
    }

    private void reload(Actor actor, String action) {
        String current;
        String hashes;
        try {
            current = SopLibrary.sha256(text(staffFile) + "\u0000" + text(shiftsFile) + "\u0000" + text(rotaFile));
            hashes = hash(staffFile) + ", " + hash(shiftsFile) + ", " + hash(rotaFile);
        } catch (IOException e) {
            LOG.warn("Roster files could not be read: {}", e.getMessage());
            return;
        }
        if (current.equals(checksum)) {
            return;
        }
        boolean first = checksum == null;
        checksum = current;
        List<String> targets = List.of(staffFile.getFileName().toString(), shiftsFile.getFileName().toString(), rotaFile.getFileName().toString());
        try {
            Roster read = Roster.read(staffFile, shiftsFile, rotaFile);
            Roster before = roster;
            roster = read;
            problem = null;
            audit.record(actor.entry(first ? "roster-load" : action, targets, first ? null : before.staff().size() + " staff",
                    read.staff().size() + " staff; " + hashes));
            LOG.info("Roster loaded: {} staff", read.staff().size());
        } catch (IllegalArgumentException | IOException e) {
            problem = e.getMessage();
            LOG.warn("Roster not loaded, the previous one stays: {}", e.getMessage());
            audit.record(actor.entry("roster-file-rejected", targets, null, hashes + "; " + e.getMessage()));
        }
    }

    private static String hash(Path file) throws IOException {
        return file.getFileName() + " sha256 " + SopLibrary.sha256(text(file));
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.warn("Temporary roster directory {} could not be deleted: {}", directory, e.getMessage());
        }
    }

    private static String text(Path file) throws IOException {
        return file != null && Files.exists(file) ? Files.readString(file) : "";
    }
}
