package org.kdplayground.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import org.kdplayground.AppFolders;
import org.kdplayground.BuildInfo;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.ui.I18n;

/** What the About screen shows: versions, the engine's device, and the licences of what ships with the app. */
public final class AboutModel {

    static final String LICENCES = "licences.tsv";

    /** One bundled component: its name, licence, and the i18n key of what the app uses it for. */
    public record Licence(String component, String licence, String useKey) {
    }

    private final I18n i18n;
    private final ObservableValue<EngineStatus> engineStatus;
    private final List<Licence> licences;

    public AboutModel(I18n i18n, ObservableValue<EngineStatus> engineStatus) {
        this.i18n = Objects.requireNonNull(i18n);
        this.engineStatus = Objects.requireNonNull(engineStatus);
        this.licences = readLicences();
    }

    public List<Licence> licences() {
        return licences;
    }

    public StringBinding version() {
        return i18n.format("about_version", BuildInfo.version());
    }

    public StringBinding engineVersions() {
        return i18n.format("about_engine_versions", BuildInfo.djlVersion(), BuildInfo.pytorchVersion(),
                BuildInfo.javafxVersion(), System.getProperty("java.version"));
    }

    public StringBinding device() {
        var status = engineStatus;
        return Bindings.createStringBinding(() -> i18n.formatNow("about_device", deviceText(status.getValue())),
                status, i18n.table());
    }

    public StringBinding threads() {
        var status = engineStatus;
        return Bindings.createStringBinding(() -> i18n.formatNow("about_threads", status.getValue().info()
                .map(info -> Integer.toString(info.intraOpThreads())).orElse("–")), status, i18n.table());
    }

    /** Where downloaded data sets go: the app's data folder, beside the settings file. */
    public StringBinding dataFolder() {
        return i18n.format("about_data_folder", AppFolders.data().toString());
    }

    public StringBinding use(Licence licence) {
        return i18n.text(licence.useKey());
    }

    private String deviceText(EngineStatus status) {
        return switch (status.state()) {
            case NOT_STARTED, LOADING -> i18n.get("about_device_loading");
            case READY -> status.info().map(info -> info.gpu() ? info.deviceName() : i18n.get("device_cpu"))
                    .orElseThrow();
            case FAILED -> i18n.formatNow("about_device_failed", status.failure().orElse("?"));
        };
    }

    static List<Licence> readLicences() {
        try (InputStream in = Objects.requireNonNull(AboutModel.class.getResourceAsStream(LICENCES), LICENCES);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new Licence(cells[0], cells[1], cells[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
