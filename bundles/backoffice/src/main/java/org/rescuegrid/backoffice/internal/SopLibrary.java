package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The procedures: versions read from the JSON files of a directory and kept in the database. A file is
 * read when it is new or changed; a valid new version is stored with its text and audited. A stored
 * version is never replaced: a changed file of a stored version is reported and ignored, so that
 * incidents that started with it keep it. An incident gets the newest version in effect when it was
 * created, and keeps it.
 */
public final class SopLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SopLibrary.class);
    /** The actor of versions read from the procedure directory, since a file does not say who wrote it. */
    static final Actor FILE_LOADER = new Actor("sop-loader", AuditSource.CONFIG, null);

    private final BackOfficeDatabase database;
    private final Path directory;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Path, String> seen = new HashMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private final Map<String, Sop> cache = new HashMap<>();

    public SopLibrary(BackOfficeDatabase database, Path directory, AuditLog audit, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads new and changed files; returns the problems of the files that were not taken, one sentence each. */
    public synchronized List<String> scan() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            LOG.warn("Procedure directory {} could not be listed: {}", directory, e.getMessage());
            return List.copyOf(problems.values());
        }
        files.sort(Comparator.naturalOrder());
        problems.keySet().retainAll(files.stream().map(f -> f.getFileName().toString()).toList());
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.put(name, "file " + name + ": could not be read: " + e.getMessage());
                continue;
            }
            String checksum = sha256(text);
            if (checksum.equals(seen.get(file))) {
                continue;
            }
            seen.put(file, checksum);
            try {
                publish(name, text, FILE_LOADER);
                problems.remove(name);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.put(name, e.getMessage());
                LOG.warn("Procedure not loaded: {}", e.getMessage());
                audit.record(FILE_LOADER.entry("sop-file-rejected", List.of(name), null, "sha256 " + checksum + ": " + e.getMessage()));
            }
        }
        return List.copyOf(problems.values());
    }

    /** Returns the problems of the last scan. */
    public synchronized List<String> problems() {
        return List.copyOf(problems.values());
    }

    /**
     * Validates and stores a version; a version already stored with the same text is left as it is.
     *
     * @return the version, or empty when it was already stored
     * @throws IllegalArgumentException when the file is invalid
     * @throws IllegalStateException when the file changes a stored version, or the database failed
     */
    public synchronized Optional<Sop> publish(String fileName, String text, Actor actor) {
        Sop sop = Sop.parse(fileName, text);
        String checksum = sha256(text);
        Instant now = clock.instant();
        Instant effective = sop.effectiveFrom() == null ? now : sop.effectiveFrom();
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT checksum, loaded_at FROM bo_sop_version WHERE incident_type = ? AND version = ?")) {
                    select.setString(1, sop.incidentType().name());
                    select.setInt(2, sop.version());
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            if (rs.getString(1).equals(checksum)) {
                                return Optional.<Sop>empty();
                            }
                            throw new VersionConflictException("file " + fileName + ": version " + sop.version() + " of "
                                    + sop.incidentType().label() + " was loaded on " + Jdbc.getInstant(rs, "loaded_at")
                                    + " with other content and is kept as it was; publish the change as version "
                                    + (latestVersion(connection, sop.incidentType()) + 1));
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_sop_version (incident_type, version, file_name,"
                        + " checksum, effective_from, loaded_at, content) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, sop.incidentType().name());
                    insert.setInt(2, sop.version());
                    insert.setString(3, fileName);
                    insert.setString(4, checksum);
                    Jdbc.setInstant(insert, 5, effective);
                    Jdbc.setInstant(insert, 6, now);
                    insert.setString(7, text);
                    insert.executeUpdate();
                }
                audit.record(actor.entry("sop-publish", List.of(sop.incidentType().label(), "v" + sop.version()),
                        null, fileName + ", " + sop.steps().size() + " steps, effective from " + effective + ", sha256 " + checksum));
                LOG.info("Procedure {} version {} loaded from {}, effective from {}", sop.incidentType().label(), sop.version(), fileName, effective);
                return Optional.of(sop);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("procedure " + fileName + " could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Publishes a version sent by a user and writes it to the procedure directory as
     * {@code <incident-type>-v<N>.json}, so that the directory keeps every version.
     *
     * @return the version, or empty when the same text was already stored
     * @throws IllegalArgumentException when the text is invalid
     * @throws IllegalStateException when the version is stored with other content, or storing failed
     */
    public synchronized Optional<Sop> publishAndSave(String text, Actor actor) {
        String fileName = Sop.fileNameOf(text);
        Optional<Sop> published = publish(fileName, text, actor);
        if (directory != null) {
            Path file = directory.resolve(fileName);
            try {
                Files.createDirectories(directory);
                Path temporary = Files.createTempFile(directory, fileName, ".tmp");
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                seen.put(file, sha256(text));
                problems.remove(fileName);
            } catch (IOException e) {
                // The version is stored and in effect; only the copy in the directory is missing.
                LOG.warn("Procedure {} is stored but could not be written to {}: {}", fileName, directory, e.getMessage());
            }
        }
        return published;
    }

    private static int latestVersion(Connection connection, IncidentType type) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM bo_sop_version WHERE incident_type = ?")) {
            select.setString(1, type.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Returns every stored version, by incident type and version. */
    public synchronized List<StoredSop> versions() {
        try {
            return database.read(connection -> {
                List<StoredSop> result = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM bo_sop_version ORDER BY incident_type, version");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(stored(rs));
                    }
                }
                return result;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("procedures could not be read: " + e.getMessage(), e);
        }
    }

    public Optional<StoredSop> version(IncidentType type, int version) {
        return versions().stream().filter(s -> s.sop().incidentType() == type && s.sop().version() == version).findFirst();
    }

    /**
     * Returns the procedure version of an incident: the one recorded for it, or else the newest version
     * in effect when it was created, which is then recorded for it. Empty when no version of its type was
     * in effect then.
     */
    public synchronized Optional<Sop> forIncident(String incidentId, IncidentType type, Instant createdAt) {
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT incident_type, version FROM bo_incident_sop WHERE incident_id = ?")) {
                    select.setString(1, incidentId);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(load(connection, IncidentType.valueOf(rs.getString(1)), rs.getInt(2)));
                        }
                    }
                }
                Integer version = null;
                try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM bo_sop_version"
                        + " WHERE incident_type = ? AND effective_from <= ?")) {
                    select.setString(1, type.name());
                    Jdbc.setInstant(select, 2, createdAt);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) {
                            version = rs.getInt(1);
                        }
                    }
                }
                if (version == null) {
                    return Optional.<Sop>empty();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_incident_sop (incident_id, incident_type, version,"
                        + " created_at, final) VALUES (?, ?, ?, ?, FALSE)")) {
                    insert.setString(1, incidentId);
                    insert.setString(2, type.name());
                    insert.setInt(3, version);
                    Jdbc.setInstant(insert, 4, createdAt);
                    insert.executeUpdate();
                }
                return Optional.of(load(connection, type, version));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("procedure of incident " + incidentId + " could not be read: " + e.getMessage(), e);
        }
    }

    private Sop load(Connection connection, IncidentType type, int version) throws SQLException {
        String key = type.name() + "-" + version;
        Sop cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM bo_sop_version WHERE incident_type = ? AND version = ?")) {
            select.setString(1, type.name());
            select.setInt(2, version);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("procedure " + type.label() + " version " + version + " is not stored");
                }
                Sop sop = stored(rs).sop();
                cache.put(key, sop);
                return sop;
            }
        }
    }

    private static StoredSop stored(ResultSet rs) throws SQLException {
        Sop sop = Sop.parse(rs.getString("file_name"), rs.getString("content"));
        return new StoredSop(sop, rs.getString("file_name"), Jdbc.getInstant(rs, "effective_from"), Jdbc.getInstant(rs, "loaded_at"),
                rs.getString("checksum"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }

    /** A file that would change a version already stored: the stored text stays, and the change needs a new version number. */
    public static final class VersionConflictException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        VersionConflictException(String message) {
            super(message);
        }
    }

    /** A stored version with when it took effect and when the node loaded it. */
    public record StoredSop(Sop sop, String fileName, Instant effectiveFrom, Instant loadedAt, String checksum) {
    }
}
