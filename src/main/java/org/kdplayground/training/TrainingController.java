package org.kdplayground.training;

/**
 * The live distillation screen. For now the screen states its purpose; the set-up panel, run controls and live
 * charts arrive with the training-screen issue and bind to a {@code TrainingModel} here.
 */
public final class TrainingController {
}
