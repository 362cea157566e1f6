package org.kdplayground.training.learned;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.SyntheticDatasets;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.training.live.Roles;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.training.live.RunWorker;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.TestWindows;

/**
 * What redrawing the three decision-boundary views costs (run under a display, e.g. Xvfb): the views at the size the
 * training screen gives them at 1280x800 get a new heatmap every {@code -Devery=N} frames (default 4) for 240 frames,
 * and the FX thread's and the renderer's CPU time per redraw are printed, median of 5 rounds after one to warm up
 * ({@code -DbusyThreads=1} keeps a core busy, as a training run does). A
 * bench of the training package (the views are package-private). Run:
 * {@code java -XX:TieredStopAtLevel=1 -cp <test class path> org.kdplayground.training.BoundaryRedrawCost}.
 */
public final class BoundaryRedrawCost {

    private BoundaryRedrawCost() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < Integer.getInteger("busyThreads", 0); i++) {
            // stands for the engine's worker, which trains on one core while the screen draws
            Thread busy = new Thread(() -> {
                long sink = 0;
                while (true) {
                    sink += System.nanoTime() % 7;
                    if (sink == 42) {
                        System.out.print("");
                    }
                }
            }, "busy");
            busy.setDaemon(true);
            busy.start();
        }
        Application.launch(Window.class, args);
    }

    /** The bench's window (a class of its own: JavaFX on the class path refuses a main class that is one). */
    public static final class Window extends Application {
        private static final int FRAMES = 240;
        private static final int ROUNDS = 6;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<BoundaryView> views = new ArrayList<>();
        private final List<Double> fxPerRedraw = new ArrayList<>();
        private final List<Double> renderPerRedraw = new ArrayList<>();

        @Override
        public void start(Stage stage) {
            Dataset moons = SyntheticDatasets.twoMoons(1000, 0.2, 1);
            double[] bounds = bounds(moons);
            RunEvent.Boundary[] boundaries = {boundary(0.0), boundary(0.7)};
            HBox row = new HBox(16);
            row.setPadding(new Insets(20));
            for (ModelRole role : ModelRole.values()) {
                BoundaryView view = new BoundaryView(Roles.chartRole(role));
                view.titleProperty().set(role.name());
                view.setPrefSize(302, 259);
                HBox.setHgrow(view, Priority.ALWAYS);
                views.add(view);
                row.getChildren().add(view);
            }
            HBox.setHgrow(row, Priority.NEVER);
            row.setMaxSize(960, 300);
            TestWindows.show(stage, new javafx.scene.layout.StackPane(row), 1280, 800, new FontPolicy(List.of()));
            int every = Integer.getInteger("every", 4);
            long fxThread = Thread.currentThread().getId();
            long renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().getId();
            new AnimationTimer() {
                private int frame = -60;
                private int round;
                private int redraws;
                private long fxBefore;
                private long renderBefore;

                @Override
                public void handle(long now) {
                    if (frame == 0) {
                        fxBefore = threads.getThreadCpuTime(fxThread);
                        renderBefore = threads.getThreadCpuTime(renderer);
                        redraws = 0;
                    }
                    if (frame >= 0 && frame % every == 0) {
                        RunEvent.Boundary next = boundaries[(frame / every) % 2];
                        for (BoundaryView view : views) {
                            view.show(new RunEvent.Boundary(next.size(), next.winner(), next.confidence()), moons,
                                    bounds);
                        }
                        redraws++;
                    }
                    if (++frame == FRAMES) {
                        if (round > 0) {
                            fxPerRedraw.add((threads.getThreadCpuTime(fxThread) - fxBefore) / 1e6 / redraws);
                            renderPerRedraw.add((threads.getThreadCpuTime(renderer) - renderBefore) / 1e6 / redraws);
                        }
                        frame = -10;
                        if (++round == ROUNDS) {
                            stop();
                            System.out.printf(Locale.ROOT, "per redraw of the three views (every %d frames): "
                                    + "FX thread %.2f ms, renderer %.2f ms (medians of %d rounds; renderer %s)%n",
                                    every, median(fxPerRedraw), median(renderPerRedraw), ROUNDS - 1,
                                    renderPerRedraw);
                            Platform.exit();
                        }
                    }
                }
            }.start();
        }
    }

    /** A boundary along a tilted line through the middle, confident away from it. */
    private static RunEvent.Boundary boundary(double tilt) {
        int n = RunWorker.GRID;
        int[] winner = new int[n * n];
        float[] confidence = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double d = (col - n / 2.0) + tilt * (row - n / 2.0);
                winner[row * n + col] = d > 0 ? 1 : 0;
                confidence[row * n + col] = (float) (0.5 + 0.5 * Math.tanh(Math.abs(d) / 8));
            }
        }
        return new RunEvent.Boundary(n, winner, confidence);
    }

    private static double[] bounds(Dataset data) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (float[] p : data.features()) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.max(b[1], p[0]);
            b[2] = Math.min(b[2], p[1]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
