package org.kdplayground.io;

/**
 * An experiment file that cannot be used; the message names the file and the problem, on one line: a control
 * character the file put into it (a key or value quoted back) is written as its escape, e.g. {@code \n}.
 */
public class ExperimentException extends RuntimeException {

    public ExperimentException(String message) {
        super(oneLine(message));
    }

    /** {@code text} with each control character (line breaks, tabs, ...) written as a Java escape. */
    static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append((char) c);
                    }
                }
            }
        });
        return b.toString();
    }
}
