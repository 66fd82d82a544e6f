package org.bianmin.protocol.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who an e-ID code belongs to, as the issuing platform vouches for it: the fields of the holder's resident ID card
 * (居民身份证; the network identity is issued against it). {@code validUntil} null means valid for life (长期).
 * Personal data: the portal never logs it, the kiosk keeps it only for the session.
 */
public record EidIdentity(String name, Gender gender, String nation, LocalDate birthDate, String address,
                          String idNumber, String issuer, LocalDate validFrom, LocalDate validUntil) {

    /** GB/T 2261.1, as on the card. */
    public enum Gender { UNKNOWN, MALE, FEMALE, UNSPECIFIED }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        require(problems, "name", name);
        require(problems, "nation", nation);
        require(problems, "address", address);
        require(problems, "issuer", issuer);
        if (gender == null || birthDate == null || validFrom == null) {
            problems.add("gender, birthDate and validFrom: required");
        }
        if (idNumber == null || !idNumber.matches("[0-9]{17}[0-9X]")) {
            problems.add("idNumber: 17 digits and a check character");
        }
        return problems;
    }

    private static void require(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        }
    }

    @Override
    public String toString() {
        return "EidIdentity[" + (idNumber == null || idNumber.length() < 10 ? "?"
                : idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4)) + "]";
    }
}
