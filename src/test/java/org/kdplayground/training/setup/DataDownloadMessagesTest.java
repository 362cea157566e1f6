package org.kdplayground.training.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.download.DataSource;
import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.download.DownloadException;
import org.kdplayground.download.DownloadException.Kind;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.TaskExecutor;

/** Every way a download can fail reads as one translated line, naming the file or host, in both languages. */
class DataDownloadMessagesTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyFailureIsOneTranslatedLineWithItsDetails(Language language) {
        I18n i18n = new I18n(language);
        RunSetup setup = new RunSetup();
        setup.datasetProperty().set(DatasetCatalog.MNIST);
        DataDownload download = new DataDownload(setup, new DatasetDownloader(DataSource::of, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), TaskExecutor.currentThread(), i18n, () -> { });
        Set<String> lines = new java.util.HashSet<>();
        for (Kind kind : EnumSet.allOf(Kind.class)) {
            String line = download.describe(new DownloadException(kind, "t10k-images-idx3-ubyte.gz",
                    "ossci-datasets.s3.amazonaws.com", kind == Kind.HTTP_STATUS ? 503 : 1_200_000, 1_648_877, null,
                    null));
            assertThat(line).as(kind.name()).isNotBlank().doesNotContain("\n").doesNotContain("{");
            switch (kind) {
                case UNREACHABLE -> assertThat(line).contains("ossci-datasets.s3.amazonaws.com");
                case HTTP_STATUS -> assertThat(line).contains("503", "t10k-images-idx3-ubyte.gz");
                case TRUNCATED -> assertThat(line).contains("1.2 MB", "1.6 MB");
                case DISK -> assertThat(line).contains(DatasetCatalog.MNIST.downloadFolder().toString());
                case CANCELLED -> assertThat(line).doesNotContain("t10k");
                default -> assertThat(line).contains("t10k-images-idx3-ubyte.gz");
            }
            lines.add(line);
        }
        assertThat(lines).as("a different line for each failure").hasSize(Kind.values().length);
    }
}
