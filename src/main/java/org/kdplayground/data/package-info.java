/**
 * Data sets for the playground, in plain Java (no JavaFX, no DJL) so the engine, the command line and the GUI
 * share one way to get them.
 *
 * <ul>
 *   <li>{@link org.kdplayground.data.Datasets#load(DatasetSpec)} makes any {@link org.kdplayground.data.DatasetCatalog}
 *       entry from a {@link org.kdplayground.data.DatasetSpec} (the JSON config's {@code "dataset"} object).</li>
 *   <li>Sources: {@link org.kdplayground.data.SyntheticDatasets} (2-D toys),
 *       {@link org.kdplayground.data.BundledDatasets} (8x8 digits), {@link org.kdplayground.data.MnistDatasets} and
 *       {@link org.kdplayground.data.IdxReader} (MNIST, Fashion-MNIST), {@link org.kdplayground.data.CsvReader}.</li>
 *   <li>Preparation: {@link org.kdplayground.data.Splits} (seeded, stratified train/test and labelled fraction) and
 *       {@link org.kdplayground.data.Normalizer} (fitted on the training set only).</li>
 *   <li>Every file problem is a {@link org.kdplayground.data.DatasetException} whose message names the file and the
 *       problem, ready to show a user.</li>
 * </ul>
 */
package org.kdplayground.data;
