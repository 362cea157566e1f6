package org.kdplayground.training.timeline;

import org.kdplayground.training.live.RunEvent;

/**
 * A decision-boundary picture as a replay keeps it: each cell's class in a byte and its confidence in 16 bits (3 bytes
 * a cell instead of 8; the heatmap's colours have 8 bits). The screen draws the decoded picture live too, so a replayed
 * epoch shows exactly the pixels that were shown when it was new.
 */
public record CompactBoundary(int size, byte[] winner, short[] confidence) {

    private static final int LEVELS = 65535;

    public static CompactBoundary of(RunEvent.Boundary b) {
        int cells = b.winner().length;
        byte[] winner = new byte[cells];
        short[] confidence = new short[cells];
        for (int i = 0; i < cells; i++) {
            winner[i] = (byte) b.winner()[i];
            confidence[i] = (short) Math.round(Math.max(0, Math.min(1, b.confidence()[i])) * LEVELS);
        }
        return new CompactBoundary(b.size(), winner, confidence);
    }

    /** The picture to draw. */
    public RunEvent.Boundary decode() {
        int cells = winner.length;
        int[] classes = new int[cells];
        float[] sure = new float[cells];
        for (int i = 0; i < cells; i++) {
            classes[i] = winner[i] & 0xFF;
            sure[i] = (confidence[i] & 0xFFFF) / (float) LEVELS;
        }
        return new RunEvent.Boundary(size, classes, sure);
    }

    /** Bytes this picture holds (its arrays, with their headers). */
    public long bytes() {
        return 16 + 16L + winner.length + 16L + 2L * confidence.length;
    }
}
