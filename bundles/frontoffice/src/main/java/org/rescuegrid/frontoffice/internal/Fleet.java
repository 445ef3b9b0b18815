package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.VehicleType;

/** The vehicles the front office dispatches, each with its home station from the gazetteer. */
final class Fleet {

    static final Pattern VEHICLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    record Member(String vehicleId, VehicleType type, String station, Location stationLocation) {
    }

    private final Map<String, Member> members = new TreeMap<>();

    Fleet(List<Member> list) {
        for (Member member : list) {
            if (members.put(member.vehicleId(), member) != null) {
                throw new IllegalArgumentException("vehicle " + member.vehicleId() + " appears twice in the fleet; ids must be unique");
            }
        }
    }

    /** Reads {@code vehicleId,type,station} lines; the station must be a station of the gazetteer. */
    static Fleet read(Path file, Gazetteer gazetteer) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("vehicles file " + file + " could not be read: " + e.getMessage(), e);
        }
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(where + " has " + fields.length + " fields; expected vehicleId,type,station");
            }
            String id = fields[0].strip();
            if (!VEHICLE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ": vehicle id '" + id + "' is invalid; use 1-64 letters, digits, '.', '_' or '-'");
            }
            VehicleType type;
            try {
                type = VehicleType.parse(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            String stationName = fields[2].strip();
            Gazetteer.Place station = gazetteer.find(stationName).filter(p -> p.kind() == Gazetteer.Kind.STATION)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": station '" + stationName
                            + "' is not a station of the gazetteer; add a line station," + stationName + ",LAT,LON there"));
            list.add(new Member(id, type, station.name(), station.location()));
        }
        return new Fleet(list);
    }

    Optional<Member> find(String vehicleId) {
        return Optional.ofNullable(vehicleId == null ? null : members.get(vehicleId.strip()));
    }

    Collection<Member> all() {
        return members.values();
    }
}
