package org.kdplayground.training.setup;

import java.util.StringJoiner;

import org.kdplayground.data.Dataset;
import org.kdplayground.ui.I18n;

/** The user's own data in words before training: rows, features, each class's count and the first rows of a table. */
final class DataSummary {

    /** Rows of a table shown before training. */
    static final int FIRST_ROWS = 3;

    private DataSummary() {
    }

    /** The summary; the first rows only for tables ({@code withRows}). */
    static String of(Dataset data, boolean withRows, I18n i18n) {
        StringJoiner classes = new StringJoiner(", ");
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            classes.add(data.classNames().get(c) + ": " + counts[c]);
        }
        StringBuilder text = new StringBuilder(i18n.formatNow("setup_data_summary", data.size(),
                data.featureCount(), classes.toString()));
        if (withRows) {
            text.append('\n').append(i18n.get("setup_data_first_rows"));
            for (int r = 0; r < Math.min(FIRST_ROWS, data.size()); r++) {
                StringJoiner row = new StringJoiner(", ");
                float[] values = data.features()[r];
                for (int f = 0; f < Math.min(6, values.length); f++) {
                    row.add(Float.toString(values[f]).replaceFirst("\\.0$", ""));
                }
                text.append('\n').append(row).append(values.length > 6 ? ", …" : "").append(" → ")
                        .append(data.classNames().get(data.labels()[r]));
            }
        }
        return text.toString();
    }
}
