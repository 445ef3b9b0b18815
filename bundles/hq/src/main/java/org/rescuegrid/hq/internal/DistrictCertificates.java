package org.rescuegrid.hq.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The districts HQ accepts over HTTPS, each identified by the subject CN and/or the SHA-256 fingerprint of its
 * client certificate, read from the keys {@code district.CODE.cn} and {@code district.CODE.fingerprint}. A
 * district with a fingerprint is matched by the fingerprint, and by the CN too when both are set. A district
 * with only a CN is matched by the CN of any certificate the trust store's CA signed.
 */
final class DistrictCertificates {

    private static final Pattern KEY = Pattern.compile("district\\.([A-Za-z0-9._-]{1,32})\\.(cn|fingerprint)");
    private static final Pattern FINGERPRINT = Pattern.compile("(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}");

    /** One district's expected certificate; either field may be null, not both. */
    record Expected(String cn, String fingerprint) {
    }

    /** Subject CN and SHA-256 fingerprint of a presented certificate. */
    record Presented(String cn, String fingerprint) {
    }

    private final Map<String, Expected> districts;

    private DistrictCertificates(Map<String, Expected> districts) {
        this.districts = districts;
    }

    static DistrictCertificates from(String pid, Map<String, ?> properties) {
        Map<String, String> cns = new TreeMap<>();
        Map<String, String> fingerprints = new TreeMap<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            Matcher key = KEY.matcher(entry.getKey());
            if (!key.matches()) {
                if (entry.getKey().startsWith("district.")) {
                    throw new IllegalArgumentException(pid + ": key '" + entry.getKey() + "' is invalid; write district.CODE.cn"
                            + " or district.CODE.fingerprint with a code of 1-32 letters, digits, '.', '_' or '-'");
                }
                continue;
            }
            String value = String.valueOf(entry.getValue()).strip();
            if ("cn".equals(key.group(2))) {
                cns.put(key.group(1), cn(pid, entry.getKey(), value, cns));
            } else {
                fingerprints.put(key.group(1), fingerprint(pid, entry.getKey(), value, fingerprints));
            }
        }
        Map<String, Expected> districts = new TreeMap<>();
        for (String code : cns.keySet()) {
            districts.put(code, new Expected(cns.get(code), fingerprints.get(code)));
        }
        for (String code : fingerprints.keySet()) {
            districts.putIfAbsent(code, new Expected(null, fingerprints.get(code)));
        }
        return new DistrictCertificates(districts);
    }

    /** Returns the district a certificate belongs to, or empty when no configured district matches it. */
    Optional<String> districtOf(Presented presented) {
        for (Map.Entry<String, Expected> entry : districts.entrySet()) {
            Expected expected = entry.getValue();
            if (expected.fingerprint() != null) {
                if (expected.fingerprint().equals(presented.fingerprint())
                        && (expected.cn() == null || expected.cn().equals(presented.cn()))) {
                    return Optional.of(entry.getKey());
                }
            } else if (expected.cn().equals(presented.cn())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Reads the subject CN (null when the subject has none) and the SHA-256 fingerprint of a certificate. */
    static Presented read(X509Certificate certificate) {
        String cn = null;
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            cn = null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Presented(cn, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 fingerprint of " + certificate.getSubjectX500Principal() + " failed", e);
        }
    }

    int size() {
        return districts.size();
    }

    Iterable<String> districts() {
        return districts.keySet();
    }

    private static String cn(String pid, String key, String value, Map<String, String> seen) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + key + " is empty; set the subject CN of the district's certificate, for example PB-LHR");
        }
        for (Map.Entry<String, String> other : seen.entrySet()) {
            if (other.getValue().equals(value)) {
                throw new IllegalArgumentException(pid + ": districts " + other.getKey() + " and " + code(key) + " both expect CN '" + value
                        + "'; give each district a certificate with a CN of its own");
            }
        }
        return value;
    }

    private static String fingerprint(String pid, String key, String value, Map<String, String> seen) {
        String formatted = normalisedFingerprint(pid, key, value);
        for (Map.Entry<String, String> other : seen.entrySet()) {
            if (other.getValue().equals(formatted)) {
                throw new IllegalArgumentException(pid + ": districts " + other.getKey() + " and " + code(key)
                        + " have the same certificate fingerprint; issue each district a certificate of its own");
            }
        }
        return formatted;
    }

    /**
     * Returns a SHA-256 fingerprint as upper-case hex pairs separated by colons, the form {@link #read} returns.
     *
     * @throws IllegalArgumentException naming the PID, the key and the value when it is not 64 hex digits
     */
    static String normalisedFingerprint(String pid, String key, String value) {
        String normalised = value.replaceFirst("(?i)^SHA-?256:\\s*", "");
        if (!FINGERPRINT.matcher(normalised).matches()) {
            throw new IllegalArgumentException(pid + ": " + key + "='" + value + "' is invalid; set the SHA-256 fingerprint as 64 hex digits,"
                    + " with or without colons, as 'keytool -list -v' prints it");
        }
        String hex = normalised.replace(":", "").toUpperCase(Locale.ROOT);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    private static String code(String key) {
        return key.substring("district.".length(), key.lastIndexOf('.'));
    }
}
