package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rescuegrid.frontoffice.Location;

/**
 * The districts of the node's area, each given by places of the gazetteer. A place belongs to the
 * district of the nearest listed place, and a call without a place to the default district.
 */
final class Districts {

    private record Member(String district, Location location) {
    }

    private final List<Member> members;
    private final String defaultDistrict;
    private final List<String> names;

    Districts(Map<String, List<Location>> places, String defaultDistrict) {
        List<Member> list = new ArrayList<>();
        for (Map.Entry<String, List<Location>> entry : places.entrySet()) {
            for (Location location : entry.getValue()) {
                list.add(new Member(entry.getKey(), location));
            }
        }
        TreeSet<String> sorted = new TreeSet<>(places.keySet());
        sorted.add(defaultDistrict);
        this.members = List.copyOf(list);
        this.defaultDistrict = defaultDistrict;
        this.names = List.copyOf(sorted);
    }

    /**
     * Reads {@code district,place} lines, place being a name of the gazetteer; blank lines and lines starting
     * with '#' are skipped. A missing file gives one district, the default, for the whole node.
     */
    static Districts read(Path file, Gazetteer gazetteer, String defaultDistrict) {
        Map<String, List<Location>> places = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Districts(places, defaultDistrict);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("districts file " + file + " could not be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] fields = line.split(",", -1);
            if (fields.length != 2 || fields[0].isBlank()) {
                throw new IllegalArgumentException(where + " is invalid; expected district,place with place a name of the gazetteer");
            }
            String placeName = fields[1].strip();
            Gazetteer.Place place = gazetteer.find(placeName).orElseThrow(() -> new IllegalArgumentException(
                    where + ": place '" + placeName + "' is not in the gazetteer; use one of its names"));
            places.computeIfAbsent(fields[0].strip(), k -> new ArrayList<>()).add(place.location());
        }
        return new Districts(places, defaultDistrict);
    }

    /** Returns the district of a place, or the default district for null. */
    String districtOf(Location location) {
        if (location == null || members.isEmpty()) {
            return defaultDistrict;
        }
        Member nearest = null;
        double nearestMeters = Double.POSITIVE_INFINITY;
        for (Member member : members) {
            double meters = Geo.meters(location, member.location());
            if (meters < nearestMeters) {
                nearest = member;
                nearestMeters = meters;
            }
        }
        return nearest.district();
    }

    String defaultDistrict() {
        return defaultDistrict;
    }

    /** Returns the district names, sorted, the default included. */
    List<String> names() {
        return names;
    }
}
