package org.kdplayground.bench;

import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The explorer's update path while T is dragged: the model's loss breakdown and gradient (the math plus the arrays
 * the charts draw), without layout. Goal (issue 3): at most 1 ms for 10 classes, 5 ms for 1,000.
 * Run: see docs/performance.md, "Measurements".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExplorerUpdateBenchmark {

    @Param({"10", "100", "1000"})
    int classes;

    private ExplorerModel model;
    private double temperature = 4;

    @Setup
    public void setUp() {
        model = new ExplorerModel(new I18n(Language.ENGLISH));
        Random random = new Random(1);
        model.paste(Role.TEACHER, list(random));
        model.paste(Role.STUDENT, list(random));
    }

    private String list(Random random) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 0; i < classes; i++) {
            joiner.add(Double.toString(random.nextGaussian() * 3));
        }
        return joiner.toString();
    }

    /** One drag event: a new T, then everything the charts and numbers read. */
    @Benchmark
    public void dragTemperature(Blackhole sink) {
        temperature = temperature == 4 ? 4.01 : 4;
        model.setTemperature(temperature);
        sink.consume(model.getBreakdown());
        sink.consume(model.getGradient());
    }

    /** One edit of a logit: also redraws the curves over T (entropy and KL at many temperatures). */
    @Benchmark
    public void editLogit(Blackhole sink) {
        temperature = temperature == 4 ? 4.01 : 4;
        model.setLogit(Role.TEACHER, 0, temperature);
        sink.consume(model.getBreakdown());
        sink.consume(model.getGradient());
        sink.consume(model.getCurves());
    }
}
