package org.classroom.desktop.logic;

import java.time.Duration;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.FaceRejections;
import org.classroom.common.students.StudentTable;
import org.classroom.desktop.logic.corrections.CloudCorrections;
import org.classroom.desktop.logic.corrections.FaceCorrections;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.logic.evidence.S3EvidenceReader;
import org.classroom.desktop.logic.results.RelayFeed;
import org.classroom.desktop.logic.results.TableFeed;
import org.classroom.desktop.logic.results.ResultFeed;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.logic.roster.TableRoster;
import org.classroom.desktop.logic.upload.ObjectUploader;
import org.classroom.desktop.logic.upload.TransferManagerUploader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real services: S3 (transfer manager) for uploads, the relay's event stream (or the results table
 * when no relay is set) for results, DynamoDB for the roster, the evidence bucket for face crops.
 */
public final class AwsBackend implements Backend {

    private final Duration tablePollInterval;

    public AwsBackend() {
        this(Duration.ofSeconds(2));
    }

    public AwsBackend(Duration tablePollInterval) {
        this.tablePollInterval = tablePollInterval;
    }

    @Override
    public ObjectUploader uploader(ClassroomConfig config) {
        return new TransferManagerUploader(new AwsClients(config).s3Async(), config.inputBucket());
    }

    @Override
    public ResultFeed results(ClassroomConfig config) {
        if (config.relayUrl() != null) {
            return new RelayFeed(config.relayUrl(), config.relayToken(), config.relayFingerprint());
        }
        return new TableFeed(new AwsClients(config).dynamoDb(), config.resultsTable(), tablePollInterval);
    }

    @Override
    public Roster roster(ClassroomConfig config) {
        AwsClients clients = new AwsClients(config);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        return new TableRoster(new StudentTable(dynamoDb, config.table()), clients.s3(), config.inputBucket(), dynamoDb);
    }

    @Override
    public FaceCorrections corrections(ClassroomConfig config) {
        AwsClients clients = new AwsClients(config);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        return new CloudCorrections(clients.s3(), config.inputBucket(), new FaceRejections(dynamoDb, config.table()),
                new EnrolledFaces(dynamoDb, config.table()), dynamoDb);
    }

    @Override
    public EvidenceReader evidence(ClassroomConfig config) {
        return new S3EvidenceReader(new AwsClients(config).s3(), config.evidenceBucket());
    }
}
