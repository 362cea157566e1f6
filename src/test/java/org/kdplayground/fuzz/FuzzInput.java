package org.kdplayground.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated input: its bytes, shown in a failure report as its length and its first 300 bytes (printable ASCII as
 * it is, anything else as \xNN), not as a list of thousands of numbers.
 */
public record FuzzInput(byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder(bytes.length + " bytes: ");
        for (int i = 0; i < Math.min(bytes.length, 300); i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                shown.append((char) b);
            } else if (b == '\n') {
                shown.append("\\n");
            } else {
                shown.append(String.format("\\x%02X", b));
            }
        }
        return bytes.length > 300 ? shown.append("…").toString() : shown.toString();
    }
}
