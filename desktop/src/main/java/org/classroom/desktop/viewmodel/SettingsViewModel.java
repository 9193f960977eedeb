package org.classroom.desktop.viewmodel;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.classroom.common.config.Setting;
import org.classroom.common.tls.CertificateFingerprint;

/**
 * The settings form: local cloud (one endpoint) or a real AWS account (profile, region), bucket and
 * table names, the relay's URL, token and certificate fingerprint. {@link #validate()} says what is wrong before anything is saved.
 */
public final class SettingsViewModel {

    public static final String DEFAULT_LOCAL_ENDPOINT = "http://127.0.0.1:4566";

    private final BooleanProperty local = new SimpleBooleanProperty(true);
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty inputBucket = new SimpleStringProperty("");
    private final StringProperty outputBucket = new SimpleStringProperty("");
    private final StringProperty table = new SimpleStringProperty("");
    private final StringProperty relayUrl = new SimpleStringProperty("");
    private final StringProperty relayToken = new SimpleStringProperty("");
    private final StringProperty relayFingerprint = new SimpleStringProperty("");

    public SettingsViewModel(Map<Setting, String> values) {
        String current = values.get(Setting.ENDPOINT);
        local.set(current != null && !current.isBlank());
        endpoint.set(local.get() ? current : DEFAULT_LOCAL_ENDPOINT);
        profile.set(orEmpty(values.get(Setting.PROFILE)));
        region.set(orEmpty(values.get(Setting.REGION)));
        inputBucket.set(orEmpty(values.get(Setting.INPUT_BUCKET)));
        outputBucket.set(orEmpty(values.get(Setting.OUTPUT_BUCKET)));
        table.set(orEmpty(values.get(Setting.TABLE)));
        relayUrl.set(orEmpty(values.get(Setting.RELAY_URL)));
        relayToken.set(orEmpty(values.get(Setting.RELAY_TOKEN)));
        relayFingerprint.set(orEmpty(values.get(Setting.RELAY_FINGERPRINT)));
    }

    /** What is wrong with the form, or null when it can be saved. */
    public String validate() {
        if (local.get() && !isUrl(endpoint.get())) {
            return "The local cloud's endpoint must be a URL such as " + DEFAULT_LOCAL_ENDPOINT;
        }
        if (region.get().isBlank()) {
            return "A region is needed (us-east-1 for the local cloud)";
        }
        if (inputBucket.get().isBlank() || outputBucket.get().isBlank() || table.get().isBlank()) {
            return "The bucket and table names cannot be empty";
        }
        if (!relayUrl.get().isBlank() && !isUrl(relayUrl.get())) {
            return "The relay URL must look like http://host:port";
        }
        if (!relayFingerprint.get().isBlank() && !isFingerprint(relayFingerprint.get())) {
            return "The relay's certificate fingerprint must be its SHA-256, as `classroom deploy relay` prints it "
                    + "(64 hex digits, colons allowed)";
        }
        return null;
    }

    /** The values to save (blank ones are removed from the file, so defaults apply). */
    public Map<Setting, String> values() {
        String problem = validate();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.ENDPOINT, local.get() ? endpoint.get().trim() : null);
        values.put(Setting.PROFILE, local.get() ? null : blankToNull(profile.get()));
        values.put(Setting.REGION, region.get().trim());
        values.put(Setting.INPUT_BUCKET, inputBucket.get().trim());
        values.put(Setting.OUTPUT_BUCKET, outputBucket.get().trim());
        values.put(Setting.TABLE, table.get().trim());
        values.put(Setting.RELAY_URL, blankToNull(relayUrl.get()));
        values.put(Setting.RELAY_TOKEN, blankToNull(relayToken.get()));
        values.put(Setting.RELAY_FINGERPRINT, relayFingerprint.get().isBlank() ? null
                : CertificateFingerprint.parse(relayFingerprint.get()));
        return values;
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isFingerprint(String text) {
        try {
            CertificateFingerprint.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public BooleanProperty localProperty() {
        return local;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty inputBucketProperty() {
        return inputBucket;
    }

    public StringProperty outputBucketProperty() {
        return outputBucket;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty relayUrlProperty() {
        return relayUrl;
    }

    public StringProperty relayTokenProperty() {
        return relayToken;
    }

    public StringProperty relayFingerprintProperty() {
        return relayFingerprint;
    }
}
