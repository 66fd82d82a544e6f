package org.bianmin.kiosk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A device status for a technician: one JSON object ({@code --json}) or one {@code key value} line per field. */
final class StatusOutput {

    private StatusOutput() {}

    static void print(Map<String, Object> fields, boolean json) throws JsonProcessingException {
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(fields));
        } else {
            fields.forEach((k, v) -> System.out.printf("%-10s %s%n", k, v));
        }
    }
}
