package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.store.schema.Jdbc;
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
    private final BackOfficeDatabase database;
    private final Clock clock;
    private final List<Version> history = new CopyOnWriteArrayList<>();
    private volatile Roster roster = Roster.empty();
    private String checksum;
    private String problem;

    /** A roster and the time it took over from the one before. */
    public record Version(Instant from, Roster roster, String checksum) {
    }

    /** Loads the rosters used so far from the database; the newest stays in use until {@link #reload()} reads the files. */
    public RosterFiles(Path staffFile, Path shiftsFile, Path rotaFile, AuditLog audit, BackOfficeDatabase database, Clock clock) throws SQLException {
        this.staffFile = staffFile;
        this.shiftsFile = shiftsFile;
        this.rotaFile = rotaFile;
        this.audit = audit;
        this.database = database;
        this.clock = clock;
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM bo_roster_version ORDER BY loaded_at, id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Roster stored = Roster.parse(name(staffFile), rs.getString("staff_text"), name(shiftsFile), rs.getString("shifts_text"),
                            name(rotaFile), rs.getString("rota_text"));
                    history.add(new Version(Jdbc.getInstant(rs, "loaded_at"), stored, rs.getString("checksum")));
                }
            }
            return null;
        });
        if (!history.isEmpty()) {
            roster = history.get(history.size() - 1).roster();
        }
    }

    /**
     * Returns the roster that was in use at a time: the newest one loaded at or before it. A time before the
     * first roster the node loaded gets that first roster.
     */
    public Roster at(Instant time) {
        Roster found = null;
        for (Version version : history) {
            if (found == null || !version.from().isAfter(time)) {
                found = version.roster();
            }
        }
        return found == null ? roster : found;
    }

    public List<Version> history() {
        return List.copyOf(history);
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
        String staffText;
        String shiftsText;
        String rotaText;
        try {
            staffText = Roster.text(staffFile);
            shiftsText = Roster.text(shiftsFile);
            rotaText = Roster.text(rotaFile);
            current = SopLibrary.sha256(staffText + "\u0000" + shiftsText + "\u0000" + rotaText);
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
            Roster read = Roster.parse(name(staffFile), staffText, name(shiftsFile), shiftsText, name(rotaFile), rotaText);
            Roster before = roster;
            if (history.isEmpty() || !history.get(history.size() - 1).checksum().equals(current)) {
                store(new Version(clock.instant(), read, current), staffText, shiftsText, rotaText);
            }
            roster = read;
            problem = null;
            audit.record(actor.entry(first ? "roster-load" : action, targets, first ? null : before.staff().size() + " staff",
                    read.staff().size() + " staff; " + hashes));
            LOG.info("Roster loaded: {} staff", read.staff().size());
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem = e.getMessage();
            LOG.warn("Roster not loaded, the previous one stays: {}", e.getMessage());
            audit.record(actor.entry("roster-file-rejected", targets, null, hashes + "; " + e.getMessage()));
        }
    }

    private void store(Version version, String staffText, String shiftsText, String rotaText) {
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_roster_version (loaded_at, checksum, staff_text,"
                        + " shifts_text, rota_text) VALUES (?, ?, ?, ?, ?)")) {
                    Jdbc.setInstant(insert, 1, version.from());
                    insert.setString(2, version.checksum());
                    insert.setString(3, staffText);
                    insert.setString(4, shiftsText);
                    insert.setString(5, rotaText);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("roster version could not be stored: " + e.getMessage(), e);
        }
        history.add(version);
    }

    private static String hash(Path file) throws IOException {
        return file.getFileName() + " sha256 " + SopLibrary.sha256(Roster.text(file));
    }

    private static String name(Path file) {
        return file == null ? "(none)" : file.getFileName().toString();
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

}
