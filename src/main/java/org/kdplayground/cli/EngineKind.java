package org.kdplayground.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import picocli.CommandLine;

/** The engines {@code --engine} can name; add a constant here to add an engine. */
public enum EngineKind {
    /** Exact double-precision math (org.kdplayground.math). */
    MATH("math", MathLossEngine::new),
    /** DJL with the PyTorch engine, float32: what training uses. */
    DJL("djl", DjlLossEngine::new);

    private final String cliName;
    private final Supplier<LossEngine> factory;

    EngineKind(String cliName, Supplier<LossEngine> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    /** The name typed after {@code --engine}. */
    public String cliName() {
        return cliName;
    }

    /** A new engine of this kind; the caller closes it. */
    public LossEngine create() {
        return factory.get();
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** All names, comma-separated, for messages. */
    static String names() {
        return Arrays.stream(values()).map(EngineKind::cliName).collect(Collectors.joining(", "));
    }

    /** Reads {@code --engine} case-insensitively, with a message that lists the choices. */
    static final class Converter implements CommandLine.ITypeConverter<EngineKind> {
        @Override
        public EngineKind convert(String value) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (EngineKind kind : values()) {
                if (kind.cliName.equals(wanted)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "unknown engine '" + value + "' (choose from: " + names() + ")");
        }
    }

    /** The names, for picocli's ${COMPLETION-CANDIDATES}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(EngineKind::cliName).iterator();
        }
    }
}
