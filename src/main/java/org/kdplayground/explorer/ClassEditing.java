package org.kdplayground.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Consumer;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;

import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.NumberText;

/**
 * The explorer's commands on its classes: typed and slid logits, names, adding and removing classes, pasted lists
 * and presets. Each either changes the {@link ClassLogits} at once (one new value) or reports why not and changes
 * nothing.
 */
final class ClassEditing {

    private final ObjectProperty<ClassLogits> logits;
    private final IntegerProperty label;
    private final I18n i18n;
    private final Consumer<StringBinding> report;
    private final Runnable clearMessage;
    private long randomSeed = 1;

    ClassEditing(ObjectProperty<ClassLogits> logits, IntegerProperty label, I18n i18n,
                 Consumer<StringBinding> report, Runnable clearMessage) {
        this.logits = logits;
        this.label = label;
        this.i18n = i18n;
        this.report = report;
        this.clearMessage = clearMessage;
    }

    /** Sets one logit from a slider. */
    void setLogit(Role role, int index, double value) {
        double limited = Math.max(-ExplorerModel.LOGIT_LIMIT, Math.min(ExplorerModel.LOGIT_LIMIT, value));
        logits.set(logits.get().withLogit(role, index, limited));
        clearMessage.run();
    }

    /** Sets one logit from typed text; on bad text reports it and keeps the last valid value. */
    boolean setLogit(Role role, int index, String text) {
        OptionalDouble value = NumberText.parse(text);
        if (value.isEmpty()) {
            report.accept(i18n.format("explorer_error_not_a_number", text.strip()));
            return false;
        }
        if (Math.abs(value.getAsDouble()) > ExplorerModel.LOGIT_LIMIT) {
            report.accept(i18n.format("explorer_error_logit_range", text.strip()));
            return false;
        }
        setLogit(role, index, value.getAsDouble());
        return true;
    }

    /** Renames a class; a blank name falls back to its index. */
    void renameClass(int index, String name) {
        ClassLogits now = logits.get();
        List<String> names = new ArrayList<>(now.names());
        names.set(index, name == null || name.isBlank() ? Integer.toString(index) : name.strip());
        logits.set(new ClassLogits(names, now.teacher(), now.student()));
    }

    /** Adds a class with logits 0 (the editor holds up to {@value ExplorerModel#MAX_EDITOR_CLASSES}). */
    boolean addClass() {
        ClassLogits now = logits.get();
        if (now.classes() >= ExplorerModel.MAX_EDITOR_CLASSES) {
            report.accept(i18n.format("explorer_error_max_classes", ExplorerModel.MAX_EDITOR_CLASSES,
                    ExplorerModel.MAX_CLASSES));
            return false;
        }
        List<String> names = new ArrayList<>(now.names());
        names.add(Integer.toString(now.classes()));
        logits.set(new ClassLogits(names, resized(now.teacher(), names.size()), resized(now.student(), names.size())));
        clearMessage.run();
        return true;
    }

    /** Removes the last class (at least {@value ExplorerModel#MIN_CLASSES} stay); the true class moves into range. */
    boolean removeClass() {
        ClassLogits now = logits.get();
        if (now.classes() <= ExplorerModel.MIN_CLASSES) {
            report.accept(i18n.format("explorer_error_min_classes", ExplorerModel.MIN_CLASSES));
            return false;
        }
        int n = now.classes() - 1;
        label.set(Math.min(label.get(), n - 1));
        logits.set(new ClassLogits(now.names().subList(0, n), resized(now.teacher(), n), resized(now.student(), n)));
        clearMessage.run();
        return true;
    }

    /**
     * Replaces one side's logits with a comma-separated list of 2 to {@value ExplorerModel#MAX_CLASSES} numbers;
     * the other
     * side is cut or padded with zeros to match. Bad lists are reported and change nothing.
     */
    boolean paste(Role role, String text) {
        String[] items = NumberText.splitList(text);
        if (items.length > ExplorerModel.MAX_CLASSES) {
            report.accept(i18n.format("explorer_error_paste_too_many", ExplorerModel.MAX_CLASSES, items.length));
            return false;
        }
        if (items.length < ExplorerModel.MIN_CLASSES) {
            report.accept(i18n.format("explorer_error_paste_too_few", ExplorerModel.MIN_CLASSES));
            return false;
        }
        double[] values = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            OptionalDouble value = NumberText.parse(items[i]);
            if (value.isEmpty() || Math.abs(value.getAsDouble()) > ExplorerModel.LOGIT_LIMIT) {
                report.accept(i18n.format("explorer_error_paste_item", i + 1, items[i]));
                return false;
            }
            values[i] = value.getAsDouble();
        }
        ClassLogits now = logits.get();
        int n = values.length;
        List<String> names = n == now.classes() ? now.names() : ClassLogits.indexNames(n);
        double[] other = resized(now.of(role == Role.TEACHER ? Role.STUDENT : Role.TEACHER), n);
        label.set(Math.min(label.get(), n - 1));
        logits.set(role == Role.TEACHER ? new ClassLogits(names, values, other)
                : new ClassLogits(names, other, values));
        clearMessage.run();
        return true;
    }

    /** Loads a preset (see {@link Preset}). */
    void applyPreset(Preset preset) {
        ClassLogits now = logits.get();
        switch (preset) {
            case NOTEBOOK -> {
                label.set(0);
                logits.set(new ClassLogits(ClassLogits.indexNames(5), Preset.NOTEBOOK_TEACHER, Preset.NOTEBOOK_STUDENT));
            }
            case CONFIDENT_TEACHER -> logits.set(now.with(Role.TEACHER,
                    Preset.confidentTeacher(now.classes(), trueClass(now))));
            case UNCERTAIN_TEACHER -> logits.set(now.with(Role.TEACHER,
                    Preset.uncertainTeacher(now.classes(), trueClass(now))));
            case STUDENT_EQUALS_TEACHER -> logits.set(now.with(Role.STUDENT, now.teacher()));
            case RANDOM -> {
                Random random = new Random(randomSeed++);
                double[] teacher = Preset.random(now.classes(), random);
                logits.set(new ClassLogits(now.names(), teacher, Preset.random(now.classes(), random)));
            }
        }
        clearMessage.run();
    }

    /** The seed of the next random draw (each draw uses the next one, so draws are reproducible). */
    void setRandomSeed(long seed) {
        randomSeed = seed;
    }

    private int trueClass(ClassLogits now) {
        return Math.max(0, Math.min(label.get(), now.classes() - 1));
    }

    private static double[] resized(double[] values, int length) {
        return Arrays.copyOf(values, length);
    }
}
