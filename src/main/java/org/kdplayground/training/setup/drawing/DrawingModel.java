package org.kdplayground.training.setup.drawing;

import java.util.Random;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.training.setup.SetupField;
import org.kdplayground.training.setup.UsersData;

/**
 * The Draw tool's state: the points, how many classes the learner draws (2 to 6) and which one the next point gets,
 * the eraser, and the part of the plane shown. A click adds one point, a drag paints a few around the pointer, the
 * eraser or a right-click removes the points near it.
 */
public final class DrawingModel {

    /** Points a synthetic set is copied with (few enough to edit by hand). */
    static final int START_FROM_SIZE = 300;
    /** Points a drag adds at each step, scattered within {@link #BRUSH} of the pointer (a share of the view). */
    static final int PAINT_POINTS = 3;
    static final double BRUSH = 0.04;
    /** What the eraser removes: points within this share of the view. */
    static final double ERASER = 0.04;

    private final ObjectProperty<DrawnPoints> points = new SimpleObjectProperty<>(this, "points", DrawnPoints.EMPTY);
    private final IntegerProperty classCount = new SimpleIntegerProperty(this, "classCount", 2);
    private final IntegerProperty chosenClass = new SimpleIntegerProperty(this, "chosenClass", 0);
    private final BooleanProperty eraser = new SimpleBooleanProperty(this, "eraser");
    /** xMin, xMax, yMin, yMax of the square shown. */
    private final ObjectProperty<double[]> view = new SimpleObjectProperty<>(this, "view", new double[] {-2, 2, -2, 2});
    private final ObjectBinding<SetupField.Problem> problem;
    private final Random scatter = new Random(1);

    public DrawingModel(DrawnPoints start) {
        problem = Bindings.createObjectBinding(() -> UsersData.problemOf(points.get()), points);
        classCount.addListener((obs, old, now) -> {
            if (chosenClass.get() >= now.intValue()) {
                chosenClass.set(now.intValue() - 1);
            }
        });
        load(start);
    }

    private void load(DrawnPoints start) {
        points.set(start);
        classCount.set(Math.max(2, Math.min(DrawnPoints.MAX_CLASSES, start.classSpan())));
        fitView();
    }

    /** Shows every point with a margin, at least the square from −2 to 2. */
    private void fitView() {
        DrawnPoints p = points.get();
        double xMin = -2;
        double xMax = 2;
        double yMin = -2;
        double yMax = 2;
        for (int i = 0; i < p.size(); i++) {
            xMin = Math.min(xMin, p.x(i));
            xMax = Math.max(xMax, p.x(i));
            yMin = Math.min(yMin, p.y(i));
            yMax = Math.max(yMax, p.y(i));
        }
        double side = Math.max(xMax - xMin, yMax - yMin) * 1.1;
        double cx = (xMin + xMax) / 2;
        double cy = (yMin + yMax) / 2;
        view.set(new double[] {cx - side / 2, cx + side / 2, cy - side / 2, cy + side / 2});
    }

    /** Adds one point of the chosen class at (x, y) in data units (the eraser removes instead). */
    public void click(double x, double y) {
        if (eraser.get()) {
            erase(x, y);
        } else {
            points.set(points.get().plus(x, y, chosenClass.get()));
        }
    }

    /** A drag step: a few points of the chosen class around (x, y), or the eraser's sweep. */
    public void paint(double x, double y) {
        if (eraser.get()) {
            erase(x, y);
            return;
        }
        double radius = BRUSH * side();
        DrawnPoints p = points.get();
        for (int i = 0; i < PAINT_POINTS && p.size() < DrawnPoints.MAX_POINTS; i++) {
            double angle = scatter.nextDouble() * 2 * Math.PI;
            double r = radius * Math.sqrt(scatter.nextDouble());
            p = p.plus(x + r * Math.cos(angle), y + r * Math.sin(angle), chosenClass.get());
        }
        points.set(p);
    }

    /** Removes the points near (x, y). */
    public void erase(double x, double y) {
        DrawnPoints left = points.get().without(x, y, ERASER * side());
        if (left.size() != points.get().size()) {
            points.set(left);
        }
    }

    public void clear() {
        points.set(DrawnPoints.EMPTY);
    }

    /** Replaces the drawing with a synthetic set's points (its default noise, as many classes as drawn). */
    public void startFrom(DatasetCatalog synthetic) {
        DatasetSpec spec = synthetic.defaultSpec().withSize(START_FROM_SIZE).withK(classCount.get());
        Dataset data = Datasets.load(spec);
        load(DrawnPoints.of(data));
    }

    private double side() {
        return view.get()[1] - view.get()[0];
    }

    public ObjectProperty<DrawnPoints> pointsProperty() {
        return points;
    }

    public IntegerProperty classCountProperty() {
        return classCount;
    }

    public IntegerProperty chosenClassProperty() {
        return chosenClass;
    }

    public BooleanProperty eraserProperty() {
        return eraser;
    }

    public ObjectProperty<double[]> viewProperty() {
        return view;
    }

    /** Why the drawing cannot be trained on yet, or null. */
    public ObjectBinding<SetupField.Problem> problemProperty() {
        return problem;
    }
}
