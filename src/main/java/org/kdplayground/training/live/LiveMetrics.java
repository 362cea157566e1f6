package org.kdplayground.training.live;

import java.util.Collections;
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
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.Calibration;
import org.kdplayground.ui.SeriesBuffer;

/**
 * What the live charts draw, on the FX thread: the loss and accuracy series (bounded, downsampled buffers), the
 * latest decision boundaries or confusion matrices, and a revision number that changes once per applied batch of
 * events, so each chart redraws at most once a frame.
 */
public final class LiveMetrics {

    static final int POINTS = 2000;

    private final SeriesBuffer teacherLoss = new SeriesBuffer(POINTS);
    private final Map<LossPart, SeriesBuffer> distilledParts = new EnumMap<>(LossPart.class);
    private final SeriesBuffer distilledLoss = new SeriesBuffer(POINTS);
    private final SeriesBuffer baselineLoss = new SeriesBuffer(POINTS);
    private final Map<ModelRole, SeriesBuffer> testAccuracy = buffers();
    private final Map<ModelRole, SeriesBuffer> trainAccuracy = buffers();
    private final Map<ModelRole, SeriesBuffer> agreement = buffers();
    private final Map<ModelRole, SeriesBuffer> ece = buffers();
    private final Map<ModelRole, Calibration.Reliability> reliability = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, RunEvent.Boundary> boundaries = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, int[][]> confusion = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, float[][]> stripLogits = new EnumMap<>(ModelRole.class);

    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private Dataset points;
    /** Which of {@link #points} carry their labels for the students; null before the run's data arrives. */
    private boolean[] labelled;
    private Dataset testExamples;
    private int[] strip = new int[0];
    private double[] bounds;
    private List<String> classNames = List.of();
    private int teacherEpochs;
    private long studentSteps;
    private long epochRevision;
    /** Changes when an epoch's metrics are added (not when a replay pins pictures): the per-epoch chart follows it. */
    private long dataRevision;
    private List<LossPart> lossParts = LossMethod.HINTON.parts();
    /** An earlier epoch's pictures the views show instead of the latest (a replay's chosen epoch), or null. */
    private EpochPictures pinned;

    public LiveMetrics() {
        for (LossPart part : LossPart.values()) {
            distilledParts.put(part, new SeriesBuffer(POINTS));
        }
    }

    private static Map<ModelRole, SeriesBuffer> buffers() {
        Map<ModelRole, SeriesBuffer> map = new EnumMap<>(ModelRole.class);
        for (ModelRole role : ModelRole.values()) {
            map.put(role, new SeriesBuffer(POINTS));
        }
        return map;
    }

    /** Empties everything for a new run, whose distilled student's loss has these parts. */
    public void clear(List<LossPart> parts) {
        lossParts = List.copyOf(parts);
        teacherLoss.clear();
        distilledParts.values().forEach(SeriesBuffer::clear);
        distilledLoss.clear();
        baselineLoss.clear();
        testAccuracy.values().forEach(SeriesBuffer::clear);
        trainAccuracy.values().forEach(SeriesBuffer::clear);
        agreement.values().forEach(SeriesBuffer::clear);
        ece.values().forEach(SeriesBuffer::clear);
        reliability.clear();
        boundaries.clear();
        confusion.clear();
        stripLogits.clear();
        points = null;
        labelled = null;
        testExamples = null;
        strip = new int[0];
        bounds = null;
        studentSteps = 0;
        pinned = null;
        dataRevision++;
        epochRevision++; // the per-epoch pictures (accuracy, what the models learned) are empty now
    }

    /** Applies one of the worker's events. */
    public void apply(RunEvent event) {
        if (event instanceof RunEvent.Prepared p) {
            prepared(p);
        } else if (event instanceof RunEvent.Step s) {
            step(s.metrics());
        } else if (event instanceof RunEvent.Epoch e) {
            epoch(e);
        }
    }

    private void prepared(RunEvent.Prepared event) {
        points = event.rawTrain();
        labelled = event.labelled();
        testExamples = event.rawTest();
        strip = event.stripExamples();
        bounds = event.bounds();
        classNames = event.classNames();
        teacherEpochs = event.teacherEpochs();
    }

    private void step(StepMetrics metrics) {
        if (metrics instanceof StepMetrics.TeacherStep t) {
            teacherLoss.add(t.globalStep(), t.loss());
        } else if (metrics instanceof StepMetrics.StudentStep s) {
            studentSteps++;
            s.parts().forEach((part, value) -> distilledParts.get(part).add(s.globalStep(), value));
            distilledLoss.add(s.globalStep(), s.total());
            baselineLoss.add(s.globalStep(), s.baselineLoss());
        }
    }

    private void epoch(RunEvent.Epoch event) {
        EpochMetrics m = event.metrics();
        double x = m.phase() == Phase.TEACHER ? m.epoch() : teacherEpochs + m.epoch();
        for (ModelRole role : ModelRole.values()) {
            m.accuracy(role).ifPresent(a -> {
                testAccuracy.get(role).add(x, a.test());
                trainAccuracy.get(role).add(x, a.train());
            });
            m.quality(role).ifPresent(q -> {
                ece.get(role).add(x, q.ece());
                reliability.put(role, q.reliability());
                q.fidelity().ifPresent(f -> agreement.get(role).add(x, f.agreement()));
            });
        }
        boundaries.putAll(event.boundaries());
        confusion.putAll(event.confusion());
        stripLogits.putAll(event.stripLogits());
        dataRevision++;
        epochRevision++;
    }

    /**
     * Shows an earlier epoch's pictures in the views (heatmaps, matrices, strip, reliability) instead of the latest;
     * null shows the latest again. The charts' series are not affected.
     */
    public void pin(EpochPictures pictures) {
        if (pictures != pinned) {
            pinned = pictures;
            epochRevision++;
        }
    }

    /** Whether the views show a pinned epoch rather than the latest. */
    public boolean isPinned() {
        return pinned != null;
    }

    /** Marks the charts stale; called once after a batch of events. */
    public void touch() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The teacher's cross-entropy per step. */
    public SeriesBuffer teacherLoss() {
        return teacherLoss;
    }

    /** One part of the distilled student's loss per step (empty for a part its method does not have). */
    public SeriesBuffer distilledPart(LossPart part) {
        return distilledParts.get(part);
    }

    /** The distilled student's total loss per step. */
    public SeriesBuffer distilledLoss() {
        return distilledLoss;
    }

    /** The baseline's cross-entropy per step. */
    public SeriesBuffer baselineLoss() {
        return baselineLoss;
    }

    /** A model's test accuracy per epoch (the teacher's epochs first). */
    public SeriesBuffer testAccuracy(ModelRole role) {
        return testAccuracy.get(role);
    }

    /** A model's accuracy on the labelled training rows per epoch. */
    public SeriesBuffer trainAccuracy(ModelRole role) {
        return trainAccuracy.get(role);
    }

    /** A student's top-1 agreement with the teacher on the test set per student epoch (empty for the teacher). */
    public SeriesBuffer agreement(ModelRole role) {
        return agreement.get(role);
    }

    /** A model's expected calibration error on the test set per epoch. */
    public SeriesBuffer ece(ModelRole role) {
        return ece.get(role);
    }

    /** Each model's confidence bins on the test set at its latest epoch. */
    public Map<ModelRole, Calibration.Reliability> reliability() {
        return pinned != null ? pinned.reliability() : Collections.unmodifiableMap(reliability);
    }

    /** The latest decision boundary of each model (2-D data), or the pinned epoch's. */
    public Map<ModelRole, RunEvent.Boundary> boundaries() {
        return pinned != null ? pinned.boundaries() : Collections.unmodifiableMap(boundaries);
    }

    /** The latest confusion matrix of each model (image data). */
    public Map<ModelRole, int[][]> confusion() {
        return pinned != null ? pinned.confusion() : Collections.unmodifiableMap(confusion);
    }

    /** Each model's latest logits for the example strip's examples. */
    public Map<ModelRole, float[][]> stripLogits() {
        return pinned != null ? pinned.stripLogits() : Collections.unmodifiableMap(stripLogits);
    }

    /** Which training examples carry their labels for the students, or null before the run's data arrives. */
    public boolean[] labelled() {
        return labelled;
    }

    /** The raw training set (2-D data: the points to draw), or null before the run's data arrives. */
    public Dataset points() {
        return points;
    }

    /** The heatmaps' region (xMin, xMax, yMin, yMax), or null for image data. */
    public double[] bounds() {
        return bounds;
    }

    /** The raw test set (image data: the strip's pictures). */
    public Dataset testExamples() {
        return testExamples;
    }

    /** Indices into the test set of the strip's examples. */
    public int[] strip() {
        return strip;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Changes whenever an epoch adds to the per-epoch series (or a run clears them). */
    public long dataRevision() {
        return dataRevision;
    }

    /** Changes whenever the per-epoch pictures (heatmaps, matrices, strip) change. */
    public long epochRevision() {
        return epochRevision;
    }

    /** The parts of the distilled student's loss in the latest run (before any run, the Hinton loss's). */
    public List<LossPart> lossParts() {
        return lossParts;
    }

    public long studentSteps() {
        return studentSteps;
    }
}
