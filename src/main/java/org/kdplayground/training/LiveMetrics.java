package org.kdplayground.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import org.kdplayground.data.Dataset;
import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.ui.SeriesBuffer;

/**
 * What the live charts draw, on the FX thread: the loss and accuracy series (bounded, downsampled buffers), the
 * latest decision boundaries or confusion matrices, and a revision number that changes once per applied batch of
 * events, so each chart redraws at most once a frame.
 */
final class LiveMetrics {

    static final int POINTS = 2000;

    final SeriesBuffer teacherLoss = new SeriesBuffer(POINTS);
    final SeriesBuffer hardLoss = new SeriesBuffer(POINTS);
    final SeriesBuffer softLoss = new SeriesBuffer(POINTS);
    final SeriesBuffer totalLoss = new SeriesBuffer(POINTS);
    final SeriesBuffer baselineLoss = new SeriesBuffer(POINTS);
    final Map<ModelRole, SeriesBuffer> testAccuracy = buffers();
    final Map<ModelRole, SeriesBuffer> trainAccuracy = buffers();
    final Map<ModelRole, RunEvent.Boundary> boundaries = new EnumMap<>(ModelRole.class);
    final Map<ModelRole, int[][]> confusion = new EnumMap<>(ModelRole.class);
    final Map<ModelRole, float[][]> stripLogits = new EnumMap<>(ModelRole.class);

    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private Dataset points;
    private Dataset testExamples;
    private int[] strip = new int[0];
    private double[] bounds;
    private List<String> classNames = List.of();
    private int teacherEpochs;
    private long studentSteps;
    private long epochRevision;

    private static Map<ModelRole, SeriesBuffer> buffers() {
        Map<ModelRole, SeriesBuffer> map = new EnumMap<>(ModelRole.class);
        for (ModelRole role : ModelRole.values()) {
            map.put(role, new SeriesBuffer(POINTS));
        }
        return map;
    }

    void clear() {
        for (SeriesBuffer b : List.of(teacherLoss, hardLoss, softLoss, totalLoss, baselineLoss)) {
            b.clear();
        }
        testAccuracy.values().forEach(SeriesBuffer::clear);
        trainAccuracy.values().forEach(SeriesBuffer::clear);
        boundaries.clear();
        confusion.clear();
        stripLogits.clear();
        points = null;
        testExamples = null;
        strip = new int[0];
        bounds = null;
        studentSteps = 0;
        epochRevision++; // the per-epoch pictures (accuracy, what the models learned) are empty now
    }

    void prepared(RunEvent.Prepared event) {
        points = event.rawTrain();
        testExamples = event.rawTest();
        strip = event.stripExamples();
        bounds = event.bounds();
        classNames = event.classNames();
        teacherEpochs = event.teacherEpochs();
    }

    void step(StepMetrics metrics) {
        if (metrics instanceof StepMetrics.TeacherStep t) {
            teacherLoss.add(t.globalStep(), t.loss());
        } else if (metrics instanceof StepMetrics.StudentStep s) {
            studentSteps++;
            hardLoss.add(s.globalStep(), s.part(LossPart.HARD));
            softLoss.add(s.globalStep(), s.part(LossPart.SOFT));
            totalLoss.add(s.globalStep(), s.total());
            baselineLoss.add(s.globalStep(), s.baselineLoss());
        }
    }

    void epoch(RunEvent.Epoch event) {
        EpochMetrics m = event.metrics();
        double x = m.phase() == Phase.TEACHER ? m.epoch() : teacherEpochs + m.epoch();
        for (ModelRole role : ModelRole.values()) {
            m.accuracy(role).ifPresent(a -> {
                testAccuracy.get(role).add(x, a.test());
                trainAccuracy.get(role).add(x, a.train());
            });
        }
        boundaries.putAll(event.boundaries());
        confusion.putAll(event.confusion());
        stripLogits.putAll(event.stripLogits());
        epochRevision++;
    }

    /** Marks the charts stale; called once after a batch of events. */
    void touch() {
        revision.set(revision.get() + 1);
    }

    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    Dataset points() {
        return points;
    }

    double[] bounds() {
        return bounds;
    }

    /** The raw test set (image data: the strip's pictures). */
    Dataset testExamples() {
        return testExamples;
    }

    /** Indices into the test set of the strip's examples. */
    int[] strip() {
        return strip;
    }

    List<String> classNames() {
        return classNames;
    }

    /** Changes whenever the per-epoch pictures (heatmaps, matrices, strip) change. */
    long epochRevision() {
        return epochRevision;
    }

    long studentSteps() {
        return studentSteps;
    }
}
