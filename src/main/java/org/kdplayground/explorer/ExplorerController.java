package org.kdplayground.explorer;

/**
 * The softmax and temperature explorer. For now the screen states its purpose; the logits editors, charts and
 * loss panel arrive with the explorer issue and bind to an {@code ExplorerModel} here.
 */
public final class ExplorerController {
}
