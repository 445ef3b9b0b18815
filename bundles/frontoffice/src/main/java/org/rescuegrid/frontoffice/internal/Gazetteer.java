package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rescuegrid.frontoffice.Location;

/**
 * Named places of the district: landmarks callers name, the fleet's stations and the hospitals.
 * Names are matched without regard to case.
 */
final class Gazetteer {

    enum Kind { LANDMARK, STATION, HOSPITAL }

    record Place(Kind kind, String name, Location location) {
    }

    private final Map<String, Place> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Gazetteer(List<Place> places) {
        for (Place place : places) {
            if (byName.put(place.name(), place) != null) {
                throw new IllegalArgumentException("gazetteer name '" + place.name() + "' appears twice; names must be unique");
            }
        }
    }

    /** Reads {@code kind,name,latitude,longitude} lines; blank lines and lines starting with '#' are skipped. */
    static Gazetteer read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("gazetteer file " + file + " could not be read: " + e.getMessage(), e);
        }
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            places.add(parse(file, i + 1, line));
        }
        return new Gazetteer(places);
    }

    private static Place parse(Path file, int lineNumber, String line) {
        String where = file + " line " + lineNumber;
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(where + " has " + fields.length + " fields; expected kind,name,latitude,longitude");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(fields[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": kind '" + fields[0].strip() + "' is invalid; use landmark, station or hospital", e);
        }
        String name = fields[1].strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + ": the name is empty");
        }
        try {
            return new Place(kind, name, new Location(Double.parseDouble(fields[2].strip()), Double.parseDouble(fields[3].strip()), name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": coordinates '" + fields[2].strip() + "," + fields[3].strip()
                    + "' are invalid; use decimal WGS84 degrees such as 31.5497,74.3436", e);
        }
    }

    Optional<Place> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.strip()));
    }

    List<Place> places(Kind kind) {
        return byName.values().stream().filter(p -> p.kind() == kind).toList();
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
