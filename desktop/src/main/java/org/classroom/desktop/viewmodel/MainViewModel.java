package org.classroom.desktop.viewmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.Setting;
import org.classroom.desktop.logic.Backend;
import org.classroom.desktop.logic.corrections.CorrectionLog;
import org.classroom.desktop.logic.corrections.FaceCorrections;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.logic.results.ResultFeed;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.logic.settings.LocalDemo;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.Upload;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.logic.upload.UploadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole window's state: the three feature view-models and the services behind them, made for the
 * configuration in force and made again when the user saves new settings.
 */
public final class MainViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    private static final int PARALLEL_UPLOADS = 4;

    private final Backend backend;
    private final SettingsStore settings;
    private final UploadJournal journal;
    private final Executor ui;
    private final Executor background;
    private final UploadsViewModel uploads;
    private final ResultsViewModel results;
    private final RosterViewModel roster;
    private final CorrectionsViewModel corrections;
    private final AttendanceViewModel attendance;
    private final ObjectProperty<ClassroomConfig> config = new SimpleObjectProperty<>();
    private final StringProperty target = new SimpleStringProperty("");

    private UploadService uploadService;
    private ResultFeed feed;
    private Roster rosterService;
    private EvidenceReader evidence;
    private FaceCorrections correctionService;
    private boolean journalResumed;

    public MainViewModel(Backend backend, SettingsStore settings, UploadJournal journal, Executor ui, Executor background) {
        this.backend = backend;
        this.settings = settings;
        this.journal = journal;
        this.ui = ui;
        this.background = background;
        this.uploads = new UploadsViewModel(ui, background);
        this.results = new ResultsViewModel(ui, background, uploads::uploadedAt);
        this.roster = new RosterViewModel(ui, background);
        this.corrections = new CorrectionsViewModel(ui, background, results.rows());
        results.onEnrolment(result -> {
            if (!corrections.enrolmentResult(result)) {
                roster.enrolmentResult(result);
            }
        });
        roster.attach(this::currentRoster);
        corrections.attach(this::currentCorrections, this::currentRoster, () -> ui.execute(roster::refresh));
        corrections.useLog(new CorrectionLog(journal.file().resolveSibling("corrections.jsonl")));
        this.attendance = new AttendanceViewModel(ui, background, roster.students(), java.time.ZoneId.systemDefault());
    }

    /** Connects with the saved settings. */
    public CompletableFuture<Void> start() {
        return connect(settings.load());
    }

    /** Saves new settings and reconnects with them. */
    public CompletableFuture<Void> applySettings(Map<Setting, String> values) {
        return CompletableFuture.supplyAsync(() -> settings.save(values), background)
                .thenCompose(this::connect);
    }

    /** Saves the form's settings and reconnects with them. */
    public CompletableFuture<Void> applySettings(SettingsViewModel form) {
        return applySettings(form.values());
    }

    /** The settings form, filled with the settings in force. */
    public SettingsViewModel settingsForm() {
        return new SettingsViewModel(settings.values());
    }

    /** Where the settings are saved, for the form to say. */
    public String settingsLocation() {
        return settings.location();
    }

    /** The first start's choices; {@code demo} starts the local demo, when the command line provides one. */
    public FirstRunViewModel firstRun(Optional<LocalDemo> demo) {
        return new FirstRunViewModel(this, demo, ui, background);
    }

    /** Replaces the services with ones for this configuration (off the UI thread; they may take a moment). */
    public CompletableFuture<Void> connect(ClassroomConfig newConfig) {
        return CompletableFuture.runAsync(() -> {
            uploads.attach(null);
            List<Upload> carried = closeServices();
            uploads.retire(carried);
            UploadService newUploads = new UploadService(backend.uploader(newConfig), journal, PARALLEL_UPLOADS,
                    uploads::uploadChanged);
            carried.forEach(upload -> newUploads.submit(upload.file(), upload.key()));
            Roster newRoster = backend.roster(newConfig);
            ResultFeed newFeed = backend.results(newConfig);
            EvidenceReader newEvidence = backend.evidence(newConfig);
            FaceCorrections newCorrections = backend.corrections(newConfig);
            synchronized (this) {
                correctionService = newCorrections;
                uploadService = newUploads;
                rosterService = newRoster;
                feed = newFeed;
                evidence = newEvidence;
            }
            results.crops().attach(newEvidence);
            results.selection().attach(newEvidence);
            uploads.attach(newUploads);
            ui.execute(() -> {
                config.set(newConfig);
                target.set(describe(newConfig));
            });
            newFeed.start(result -> {
                corrections.resultArrived(result);
                results.resultArrived(result);
                attendance.resultArrived(result);
            }, results::connectionChanged);
            if (!journalResumed) {
                journalResumed = true;
                int resumed = newUploads.resumeJournal().size();
                if (resumed > 0) {
                    LOG.info("resumed {} unfinished uploads", resumed);
                }
            }
            ui.execute(roster::refresh);
        }, background);
    }

    static String describe(ClassroomConfig config) {
        String where = config.isLocal()
                ? "Local cloud at " + config.endpoint()
                : "AWS " + config.region() + (config.profile() == null ? "" : " (profile " + config.profile() + ")");
        return where + " · s3://" + config.inputBucket()
                + (config.relayUrl() == null ? " · no relay" : " · relay " + config.relayUrl());
    }

    private synchronized Roster currentRoster() {
        return rosterService;
    }

    private synchronized FaceCorrections currentCorrections() {
        return correctionService;
    }

    /** Closes the services in use; returns the uploads they had not finished. */
    private List<Upload> closeServices() {
        UploadService oldUploads;
        ResultFeed oldFeed;
        Roster oldRoster;
        EvidenceReader oldEvidence;
        FaceCorrections oldCorrections;
        synchronized (this) {
            oldCorrections = correctionService;
            correctionService = null;
            oldUploads = uploadService;
            oldFeed = feed;
            oldRoster = rosterService;
            oldEvidence = evidence;
            uploadService = null;
            feed = null;
            rosterService = null;
            evidence = null;
        }
        if (oldFeed != null) {
            oldFeed.close();
        }
        List<Upload> unfinished = List.of();
        if (oldUploads != null) {
            unfinished = oldUploads.pending();
            oldUploads.close();
        }
        if (oldRoster != null) {
            oldRoster.close();
        }
        if (oldEvidence != null) {
            oldEvidence.close();
        }
        if (oldCorrections != null) {
            oldCorrections.close();
        }
        return unfinished;
    }

    public UploadsViewModel uploads() {
        return uploads;
    }

    public ResultsViewModel results() {
        return results;
    }

    public RosterViewModel roster() {
        return roster;
    }

    public CorrectionsViewModel corrections() {
        return corrections;
    }

    public AttendanceViewModel attendance() {
        return attendance;
    }

    SettingsStore settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<ClassroomConfig> configProperty() {
        return config;
    }

    /** Where the app is connected, for the status bar. */
    public ReadOnlyStringProperty targetProperty() {
        return target;
    }

    @Override
    public void close() {
        closeServices();
    }
}
